package io.tradeport.tradeserver.config;

import java.io.IOException;
import java.util.function.UnaryOperator;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;

/** How a store writes one record to disk and reads it back. */
public interface Codec<T> {

	byte[] encode(T value);

	/** @throws IOException when the bytes are not a record of this kind */
	T decode(byte[] bytes) throws IOException;

	/**
	 * This codec, writing each record as {@code redact} makes it: for what must not reach the disk,
	 * such as a clear password the server only needs while it runs.
	 */
	default Codec<T> redacting(UnaryOperator<T> redact) {
		Codec<T> codec = this;
		return new Codec<>() {
			@Override
			public byte[] encode(T value) {
				return codec.encode(redact.apply(value));
			}

			@Override
			public T decode(byte[] bytes) throws IOException {
				return codec.decode(bytes);
			}
		};
	}

	/** The protocol's own binary form: the gateway's message types are their own file format. */
	static <T extends MessageLite> Codec<T> proto(Parser<T> parser) {
		return new Codec<>() {
			@Override
			public byte[] encode(T value) {
				return value.toByteArray();
			}

			@Override
			public T decode(byte[] bytes) throws IOException {
				return parser.parseFrom(bytes);
			}
		};
	}
}
