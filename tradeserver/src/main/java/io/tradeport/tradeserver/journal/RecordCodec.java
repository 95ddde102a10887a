package io.tradeport.tradeserver.journal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binary encoding of records by their components, in declaration order: primitives as
 * DataOutput writes them, strings as UTF, enums by name (so reordering constants cannot corrupt
 * old files), instants as epoch seconds and nanoseconds, lists/sets/maps with a count. Every non-primitive
 * value has a presence byte, which covers the engine's nullable fields.
 *
 * <p>Deriving the format from the record declarations keeps the engine's configuration records
 * free of persistence code, and a new component needs no codec change. The flip side is that
 * changing a record's components changes the format; the journal and snapshot headers carry a
 * version for that day.
 */
final class RecordCodec {

	private record Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {
	}

	private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

	private RecordCodec() {
	}

	static void write(DataOutput out, Record value) throws IOException {
		writeRecord(out, value);
	}

	static <R extends Record> R read(DataInput in, Class<R> type) throws IOException {
		return type.cast(readRecord(in, type));
	}

	private static Shape shape(Class<?> type) {
		return SHAPES.computeIfAbsent(type, t -> {
			RecordComponent[] components = t.getRecordComponents();
			Method[] accessors = new Method[components.length];
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				types[i] = components[i].getType();
			}
			try {
				return new Shape(components, accessors, t.getDeclaredConstructor(types));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static void writeRecord(DataOutput out, Object value) throws IOException {
		Shape shape = shape(value.getClass());
		for (int i = 0; i < shape.components.length; i++) {
			Object component;
			try {
				component = shape.accessors[i].invoke(value);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException(ex);
			}
			writeValue(out, shape.components[i].getGenericType(), component);
		}
	}

	private static Object readRecord(DataInput in, Class<?> type) throws IOException {
		Shape shape = shape(type);
		Object[] args = new Object[shape.components.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = readValue(in, shape.components[i].getGenericType());
		}
		try {
			return shape.constructor.newInstance(args);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IOException("cannot rebuild " + type.getSimpleName() + ": " + ex.getCause(), ex);
		}
	}

	private static void writeValue(DataOutput out, Type type, Object value) throws IOException {
		Class<?> raw = raw(type);
		if (raw.isPrimitive()) {
			writePrimitive(out, raw, value);
			return;
		}
		if (value == null) {
			out.writeByte(0);
			return;
		}
		out.writeByte(1);
		if (raw == String.class) {
			out.writeUTF((String) value);
		}
		else if (raw == Integer.class || raw == Long.class || raw == Double.class || raw == Boolean.class) {
			writePrimitive(out, raw, value);
		}
		else if (raw.isEnum()) {
			out.writeUTF(((Enum<?>) value).name());
		}
		else if (raw == Instant.class) {
			// Seconds and nanos, not millis: an engine on a plain system clock stamps microseconds.
			Instant instant = (Instant) value;
			out.writeLong(instant.getEpochSecond());
			out.writeInt(instant.getNano());
		}
		else if (raw == LocalDate.class) {
			out.writeLong(((LocalDate) value).toEpochDay());
		}
		else if (raw.isRecord()) {
			writeRecord(out, value);
		}
		else if (raw == List.class || raw == Set.class) {
			Type element = argument(type, 0);
			Collection<?> collection = (Collection<?>) value;
			out.writeInt(collection.size());
			for (Object item : collection) {
				writeValue(out, element, item);
			}
		}
		else if (raw == Map.class) {
			Map<?, ?> map = (Map<?, ?>) value;
			out.writeInt(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				writeValue(out, argument(type, 0), entry.getKey());
				writeValue(out, argument(type, 1), entry.getValue());
			}
		}
		else {
			throw new IllegalArgumentException("no encoding for " + type);
		}
	}

	private static void writePrimitive(DataOutput out, Class<?> raw, Object value) throws IOException {
		if (raw == int.class || raw == Integer.class) {
			out.writeInt((Integer) value);
		}
		else if (raw == long.class || raw == Long.class) {
			out.writeLong((Long) value);
		}
		else if (raw == double.class || raw == Double.class) {
			out.writeDouble((Double) value);
		}
		else if (raw == boolean.class || raw == Boolean.class) {
			out.writeBoolean((Boolean) value);
		}
		else {
			throw new IllegalArgumentException("no encoding for " + raw);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object readValue(DataInput in, Type type) throws IOException {
		Class<?> raw = raw(type);
		if (raw.isPrimitive()) {
			return readPrimitive(in, raw);
		}
		byte presence = in.readByte();
		if (presence == 0) {
			return null;
		}
		if (presence != 1) {
			throw new IOException("bad presence byte " + presence);
		}
		if (raw == String.class) {
			return in.readUTF();
		}
		if (raw == Integer.class || raw == Long.class || raw == Double.class || raw == Boolean.class) {
			return readPrimitive(in, raw);
		}
		if (raw.isEnum()) {
			return Enum.valueOf((Class) raw, in.readUTF());
		}
		if (raw == Instant.class) {
			return Instant.ofEpochSecond(in.readLong(), in.readInt());
		}
		if (raw == LocalDate.class) {
			return LocalDate.ofEpochDay(in.readLong());
		}
		if (raw.isRecord()) {
			return readRecord(in, raw);
		}
		if (raw == List.class || raw == Set.class) {
			int size = count(in);
			Collection<Object> items = raw == List.class ? new ArrayList<>(size) : new HashSet<>();
			for (int i = 0; i < size; i++) {
				items.add(readValue(in, argument(type, 0)));
			}
			return items;
		}
		if (raw == Map.class) {
			int size = count(in);
			Map<Object, Object> map = new HashMap<>();
			for (int i = 0; i < size; i++) {
				map.put(readValue(in, argument(type, 0)), readValue(in, argument(type, 1)));
			}
			return map;
		}
		throw new IllegalArgumentException("no encoding for " + type);
	}

	private static Object readPrimitive(DataInput in, Class<?> raw) throws IOException {
		if (raw == int.class || raw == Integer.class) {
			return in.readInt();
		}
		if (raw == long.class || raw == Long.class) {
			return in.readLong();
		}
		if (raw == double.class || raw == Double.class) {
			return in.readDouble();
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return in.readBoolean();
		}
		throw new IllegalArgumentException("no encoding for " + raw);
	}

	private static int count(DataInput in) throws IOException {
		int size = in.readInt();
		if (size < 0) {
			throw new IOException("negative count " + size);
		}
		return size;
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return (Class<?>) p.getRawType();
		}
		throw new IllegalArgumentException("no encoding for " + type);
	}

	private static Type argument(Type type, int index) {
		if (type instanceof ParameterizedType p) {
			return p.getActualTypeArguments()[index];
		}
		throw new IllegalArgumentException("raw collection type " + type);
	}
}
