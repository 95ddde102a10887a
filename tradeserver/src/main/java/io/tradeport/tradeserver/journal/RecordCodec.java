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

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.SymbolConfig;

/**
 * Binary encoding of records by their components, in declaration order: primitives as
 * DataOutput writes them, strings as UTF, enums by name (so reordering constants cannot corrupt
 * old files), instants as epoch seconds and nanoseconds, lists/sets/maps with a count. Every non-primitive
 * value has a presence byte, which covers the engine's nullable fields.
 *
 * <p>Deriving the format from the record declarations keeps the engine's configuration records
 * free of persistence code, and a new component needs no codec change. The flip side is that
 * changing a record's components changes the format. So every file says which {@link #FORMAT} it
 * was written in (snapshot header, journal record), and a component added later is registered in
 * {@link #ADDED} with the value older files imply: they are read without it. Components are only
 * ever added, never removed or reordered.
 */
final class RecordCodec {

	/** The format this build writes; it reads this one and every older one. */
	static final int FORMAT = 2;

	/** @param since the first format with the component; older files get {@code value} */
	record Added(int since, Object value) {
	}

	/** Components added after format 1, by record type and component name. */
	private static final Map<Class<?>, Map<String, Added>> ADDED = Map.of(
			SymbolConfig.class, Map.of("execution", new Added(2, SymbolConfig.Execution.INSTANT)),
			EngineState.class, Map.of("holidays", new Added(2, List.of())));

	private record Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {
	}

	private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

	private RecordCodec() {
	}

	static void write(DataOutput out, Record value) throws IOException {
		write(out, value, FORMAT);
	}

	/** In an older {@code format}: for tests that need files as an earlier build wrote them. */
	static void write(DataOutput out, Record value, int format) throws IOException {
		writeRecord(out, value, format);
	}

	static <R extends Record> R read(DataInput in, Class<R> type) throws IOException {
		return read(in, type, FORMAT);
	}

	/** @throws IOException for a format newer than this build's: reading it would misinterpret it */
	static <R extends Record> R read(DataInput in, Class<R> type, int format) throws IOException {
		if (format < 1 || format > FORMAT) {
			throw new IOException("unknown format " + format + "; this build reads 1 to " + FORMAT);
		}
		return type.cast(readRecord(in, type, format));
	}

	/** The value a file of {@code format} implies for the component, or null when the file has it. */
	private static @Nullable Added missing(Class<?> type, String component, int format) {
		Added added = ADDED.getOrDefault(type, Map.of()).get(component);
		return added != null && added.since() > format ? added : null;
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

	private static void writeRecord(DataOutput out, Object value, int format) throws IOException {
		Shape shape = shape(value.getClass());
		for (int i = 0; i < shape.components.length; i++) {
			if (missing(value.getClass(), shape.components[i].getName(), format) != null) {
				continue;
			}
			Object component;
			try {
				component = shape.accessors[i].invoke(value);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException(ex);
			}
			writeValue(out, shape.components[i].getGenericType(), component, format);
		}
	}

	private static Object readRecord(DataInput in, Class<?> type, int format) throws IOException {
		Shape shape = shape(type);
		Object[] args = new Object[shape.components.length];
		for (int i = 0; i < args.length; i++) {
			Added missing = missing(type, shape.components[i].getName(), format);
			args[i] = missing != null ? missing.value() : readValue(in, shape.components[i].getGenericType(), format);
		}
		try {
			return shape.constructor.newInstance(args);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IOException("cannot rebuild " + type.getSimpleName() + ": " + ex.getCause(), ex);
		}
	}

	private static void writeValue(DataOutput out, Type type, Object value, int format) throws IOException {
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
			writeRecord(out, value, format);
		}
		else if (raw == List.class || raw == Set.class) {
			Type element = argument(type, 0);
			Collection<?> collection = (Collection<?>) value;
			out.writeInt(collection.size());
			for (Object item : collection) {
				writeValue(out, element, item, format);
			}
		}
		else if (raw == Map.class) {
			Map<?, ?> map = (Map<?, ?>) value;
			out.writeInt(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				writeValue(out, argument(type, 0), entry.getKey(), format);
				writeValue(out, argument(type, 1), entry.getValue(), format);
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
	private static Object readValue(DataInput in, Type type, int format) throws IOException {
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
			return readRecord(in, raw, format);
		}
		if (raw == List.class || raw == Set.class) {
			int size = count(in);
			Collection<Object> items = raw == List.class ? new ArrayList<>(size) : new HashSet<>();
			for (int i = 0; i < size; i++) {
				items.add(readValue(in, argument(type, 0), format));
			}
			return items;
		}
		if (raw == Map.class) {
			int size = count(in);
			Map<Object, Object> map = new HashMap<>();
			for (int i = 0; i < size; i++) {
				map.put(readValue(in, argument(type, 0), format), readValue(in, argument(type, 1), format));
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
