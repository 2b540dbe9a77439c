package org.backprop.io.safetensors;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named tensor's content: element type, shape (outermost dimension first, row-major / C order)
 * and values as doubles regardless of {@link DType} (F32 values are narrowed only when written).
 * A shape of {@code []} is a scalar with one value. The record does not copy its arrays.
 */
public record Tensor(DType dtype, long[] shape, double[] values) {

    /** Validates that the shape's element count equals {@code values.length}. */
    public Tensor {
        Objects.requireNonNull(dtype, "dtype");
        long count = elementCount(shape);
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values, got " + values.length);
        }
    }

    /** An F64 tensor. */
    public static Tensor f64(double[] values, long... shape) {
        return new Tensor(DType.F64, shape, values);
    }

    /** An F32 tensor (values must fit in a float when written). */
    public static Tensor f32(double[] values, long... shape) {
        return new Tensor(DType.F32, shape, values);
    }

    /** A 2-D F64 tensor of a row-major {@code rows × cols} array. */
    public static Tensor matrix(double[] rowMajor, int rows, int cols) {
        return f64(rowMajor, rows, cols);
    }

    /**
     * Product of the dimensions.
     *
     * @throws IllegalArgumentException if a dimension is negative or the product overflows a long
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large", e);
            }
        }
        return count;
    }

    /** Size of the values in the file, in bytes. */
    public long byteSize() {
        return (long) values.length * dtype.bytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
