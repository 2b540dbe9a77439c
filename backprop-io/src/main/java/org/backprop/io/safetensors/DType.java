package org.backprop.io.safetensors;

/** Element types this library reads and writes, named as in the safetensors header. */
public enum DType {
    /** IEEE 754 binary64, little-endian. */
    F64(8),
    /** IEEE 754 binary32, little-endian; values are widened to double when read. */
    F32(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }
}
