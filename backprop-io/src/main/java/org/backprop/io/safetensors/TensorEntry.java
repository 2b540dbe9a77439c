package org.backprop.io.safetensors;

/** One tensor's header entry: byte range {@code [begin, end)} relative to the data buffer. */
record TensorEntry(String name, DType dtype, long[] shape, long begin, long end) {
}
