package org.backprop.kernel;

import java.util.Arrays;

/**
 * The cache-blocked GEMM driver shared by the scalar and vector kernels (Goto/BLIS layout).
 *
 * <p>All three forms of {@link Gemm} are reduced to strides ({@link ProductForm}) and packed into
 * the same panel layout, so one micro-kernel serves A·B, Aᵀ·B and A·Bᵀ:
 * <ul>
 *   <li>an A micro-panel holds {@code mr} rows of Â for {@code kc} depths, depth-major:
 *       {@code ap[p * mr + r] = Â(i + r, pc + p)};</li>
 *   <li>a B micro-panel holds {@code nr} columns of B̂ for {@code kc} depths:
 *       {@code bp[p * nr + j] = B̂(pc + p, j0 + j)};</li>
 *   <li>edges are zero-padded, and edge tiles go through a small scratch tile, so any shape works.</li>
 * </ul>
 *
 * <p>Determinism: the depth k is cut into blocks of {@link #KC} regardless of threads; each output
 * element is the sum of its block partials added to C in block order, and every block partial is a
 * fused multiply-add chain in depth order. Threads split only the output (rows or columns), so the
 * result is bit-identical for any thread count. Matrix-vector shapes (m = 1 or n = 1) use dedicated
 * dot-product and row-combination kernels chosen by shape alone.
 *
 * <p>Buffers: packing panels are per thread ({@link ThreadLocal} owned by the instance) and grow to
 * the largest problem seen; in steady state a call allocates nothing. Threaded calls on one instance
 * are serialised; single-threaded instances may be called from several threads at once.
 *
 * <p>This file is the template of its {@code float} twin, generated at build time (see the
 * backprop-core pom): keep {@code double}-specific words out of names shared with other classes.
 */
abstract class BlockedGemm implements Gemm {
    /**
     * Depth of one packed block; fixed so the k-summation order never depends on threads. 512 keeps
     * a batch of 500 rows in one block for the weight gradients (no second pass adding to C).
     */
    static final int KC = 512;
    /** Rows of A packed per L2 block (rounded down to a multiple of mr). */
    private static final int MC = 192;
    /** Columns of B packed per block (rounded down to a multiple of nr). */
    private static final int NC = 2048;
    /**
     * Products with fewer multiply-adds than this run on the calling thread only: 2^17 take a few
     * microseconds on one core, about what a hand-off to a worker costs on a quiet machine and far
     * less than one costs on a busy one (the seed's one-unit layer, 500×256×1, stays on one thread).
     */
    static final long MIN_PARALLEL_MULTIPLY_ADDS = 1L << 17;

    /**
     * A·B and A·Bᵀ over at most this many column micro-panels read A in place with
     * {@link #microKernelInPlace} instead of packing it: a packed A (about 1 ns an element) would be
     * reused over too few panels to pay (the 20→64→32→1 network's products; backprop-bench/KERNELS.md).
     */
    static final int IN_PLACE_PANELS = 2;
    /** Rows of {@link #microKernelInPlace}'s register tile. */
    static final int IN_PLACE_ROWS = 4;

    private final int threads;
    private final int mr;
    private final int nr;
    private final int mc;
    private final int nc;
    private final String name;
    private final ThreadTeam team;
    /** The pieces of its matrix–vector products a fused plan may compute inside its own passes. */
    private final FusedPasses passes = MatrixVectorPasses.of(this);
    private final ThreadLocal<Panels> panels = ThreadLocal.withInitial(Panels::new);
    private final ParallelCall call = new ParallelCall();

    /**
     * @param team the threads to compute with, possibly shared with another kernel and with
     *             element-wise passes: jobs on a team run one at a time, and closing this kernel
     *             closes the team
     * @param mr   rows of the micro-kernel's register tile
     * @param nr   columns of the micro-kernel's register tile
     * @param name kernel description for {@link #describe()}
     */
    BlockedGemm(ThreadTeam team, int mr, int nr, String name) {
        this.threads = team.threads();
        this.mr = mr;
        this.nr = nr;
        this.mc = Math.max(mr, MC / mr * mr);
        this.nc = Math.max(nr, NC / nr * nr);
        this.name = name;
        this.team = team;
    }

    /**
     * Computes one mr×nr tile and stores it:
     * {@code C[r][j] = Σ_p a[aIdx + r + p*aDepth] · bp[bIdx + p*nr + j]}, a fused multiply-add
     * chain over p starting from zero; C row r starts at {@code cIdx + r * ldc}. The tile's mr rows
     * of Â are contiguous at each depth: a packed panel (aDepth mr) or, for Aᵀ·B, the caller's
     * matrix read in place (aDepth = its row length). Rows at separate strides cost a register and
     * an address per row, which on a core with few integer registers to spare (Intel, JDK 17's C2)
     * made the kernel about 1.5× slower (backprop-bench/KERNELS.md). Adding to C is left to the
     * driver: a single store path keeps C2's vector code free of boxing.
     */
    abstract void microKernel(double[] a, int aIdx, int aDepth, double[] bp, int bIdx, int kc,
                              double[] c, int cIdx, int ldc);

    /**
     * As {@link #microKernel} for a tile of {@link #IN_PLACE_ROWS} rows of A read in place, each
     * contiguous over depth, {@code aRow} apart:
     * {@code C[r][j] = Σ_p a[aIdx + r*aRow + p] · bp[bIdx + p*nr + j]}, the same fma chain per element.
     */
    abstract void microKernelInPlace(double[] a, int aIdx, int aRow, double[] bp, int bIdx, int kc,
                                     double[] c, int cIdx, int ldc);

    /**
     * Packs one full A micro-panel whose mr rows are each contiguous over depth (A·B, A·Bᵀ):
     * {@code dst[d + p*mr + r] = src[s + r*rowStride + p]} for r in [0, mr), p in [0, kc). The vector
     * kernels override it with their mr as a constant: with the width read from a field (or passed to
     * a helper that C2 compiled on its own and then declined to inline) C2 keeps a bounds check and a
     * multiply on every store (backprop-bench/KERNELS.md).
     */
    void packFullAPanel(double[] dst, int d, double[] src, int s, int rowStride, int kc) {
        transposeLines(dst, d, mr, src, s, rowStride, mr, kc);
    }

    /**
     * Packs one full B micro-panel whose nr columns are each contiguous over depth (A·Bᵀ):
     * {@code dst[d + p*nr + j] = src[s + j*colStride + p]}; overridden as {@link #packFullAPanel}.
     */
    void packFullBPanel(double[] dst, int d, double[] src, int s, int colStride, int kc) {
        transposeLines(dst, d, nr, src, s, colStride, nr, kc);
    }

    /**
     * Packs one full B micro-panel whose nr columns are contiguous at each depth (A·B, Aᵀ·B):
     * {@code dst[d + p*nr + j] = src[s + p*depthStride + j]}; the vector kernels copy each depth's nr
     * values as vectors instead of calling {@code System.arraycopy} for them.
     */
    void copyFullBPanel(double[] dst, int d, double[] src, int s, int depthStride, int kc) {
        for (int p = 0; p < kc; p++) {
            System.arraycopy(src, s + p * depthStride, dst, d + p * nr, nr);
        }
    }

    /**
     * {@code dst[d + p*width + j] = src[s + j*stride + p]} for j in [0, lines), p in [0, kc): lines
     * contiguous over depth, {@code stride} apart, copied across into groups of {@code width}.
     */
    private static void transposeLines(double[] dst, int d, int width, double[] src, int s, int stride, int lines,
                                       int kc) {
        for (int j = 0; j < lines; j++) {
            int sj = s + j * stride;
            int dj = d + j;
            for (int p = 0; p < kc; p++) {
                dst[dj + p * width] = src[sj + p];
            }
        }
    }

    /**
     * {@code c[cOff + t] (+)= Σ_p x[xOff + t*xStride + p] · y[yOff + p]} for t in [0, count), p in [0, len).
     * Each t must be computed the same way whatever its position in the range.
     */
    abstract void dotProducts(double[] x, int xOff, int xStride, int count, double[] y, int yOff, int len,
                              double[] c, int cOff, boolean accumulate);

    /**
     * {@code c[cOff + t] (+)= Σ_p coef[coefOff + p] · mat[matOff + p*rowStride + t]} for t in [0, count),
     * p in [0, rows), as a fused multiply-add chain in p order for every t.
     */
    abstract void combineRows(double[] mat, int matOff, int rowStride, int rows, double[] coef, int coefOff,
                              double[] c, int cOff, int count, boolean accumulate);

    /**
     * The depth-1 product, an outer product: {@code c[cOff + r*ldc + j] (+)= fma(a[aIdx + r*aRow], b[bOff + j], 0)}
     * for r in [0, rows), j in [0, cols): the bits of the micro-kernel's one-step chain, without
     * packing or tile copies (dL/dA of a layer with one output unit, 500×256 in the seed).
     */
    abstract void outerProduct(double[] a, int aIdx, int aRow, int rows, double[] b, int bOff, int cols,
                               double[] c, int cOff, int ldc, boolean accumulate);

    @Override
    public final void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                           double[] c, int cOff, boolean accumulate) {
        run(ProductForm.MULT, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    }

    @Override
    public final void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                 double[] c, int cOff, boolean accumulate) {
        run(ProductForm.TRANS_A, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    }

    @Override
    public final void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                 double[] c, int cOff, boolean accumulate) {
        run(ProductForm.TRANS_B, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    }

    /**
     * {@link MatrixVectorPasses}: the depth-1 products are {@link #outerProduct}'s fma chains of one
     * step, the matrix–vector products {@link #dotProducts} and {@link #combineRows}.
     */
    @Override
    public final FusedPasses fusedPasses() {
        return passes;
    }

    @Override
    public final ThreadTeam team() {
        return team;
    }

    @Override
    public final int threads() {
        return threads;
    }

    @Override
    public final String describe() {
        return name + ", " + mr + "×" + nr + " micro-kernel, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public final void close() {
        team.close();
    }

    private void run(ProductForm form, int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                     double[] c, int cOff, boolean accumulate) {
        form.check(m, n, k, a.length, aOff, b.length, bOff, c.length, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0);
            }
            return;
        }
        boolean splitRows = splitRows(m, n, form.aRowStride(m, k) != 1 && k > 1);
        int chunks = chunkCount(m, n, k, splitRows);
        if (chunks == 1 || !team.splitsNextJob()) {
            computeRegion(form, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, 0, m, 0, n);
            return;
        }
        synchronized (call) {
            call.set(form, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, splitRows, chunks);
            try {
                team.runChunks(call, chunks);
            } finally {
                call.clear();
            }
        }
    }

    /**
     * Splits the output by rows unless columns share out more evenly over the threads (e.g. 100×128
     * on 2 threads: 13 row tiles split 7/6, 8 column tiles split 4/4). Depends only on the shape,
     * the thread count and whether A is packed, and never changes what any one output element sums.
     * On a tie the wider dimension is split, so each thread packs half of the larger operand
     * (measured in backprop-bench/KERNELS.md). When A is packed ({@code packsA}: A·B and A·Bᵀ), rows
     * are split unless that leaves the busiest thread more than 1/8 more work than columns would:
     * with columns every chunk would pack all of A (the seed's 500×128 products split 32/31 row
     * tiles against 4/4 column tiles, 2.4 % apart).
     */
    private boolean splitRows(int m, int n, boolean packsA) {
        long busiestByRows = (long) ceilDiv(ceilDiv(m, mr), threads) * mr * n;
        long busiestByColumns = (long) ceilDiv(ceilDiv(n, nr), threads) * nr * m;
        if (packsA) {
            return busiestByRows <= busiestByColumns + busiestByColumns / 8;
        }
        return busiestByRows < busiestByColumns || (busiestByRows == busiestByColumns && m >= n);
    }

    /**
     * One chunk a thread (claimed dynamically: a worker that starts late leaves its chunk to the
     * caller), never more than the row or column tiles. Every chunk packs the panels of the operand
     * it shares with the others itself, into its thread's own buffers, so the packing runs in
     * parallel and no thread reads panels another core has just written (backprop-bench/KERNELS.md,
     * "Session 15").
     */
    private int chunkCount(int m, int n, int k, boolean splitRows) {
        if (threads == 1 || (long) m * n * k < MIN_PARALLEL_MULTIPLY_ADDS) {
            return 1;
        }
        return Math.min(threads, splitRows ? ceilDiv(m, mr) : ceilDiv(n, nr));
    }

    /** Computes output rows [i0, i1) × columns [j0, j1). */
    private void computeRegion(ProductForm form, int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                               double[] c, int cOff, boolean accumulate, int i0, int i1, int j0, int j1) {
        int aRow = form.aRowStride(m, k);
        int aDepth = form.aDepthStride(m, k);
        int bDepth = form.bDepthStride(n, k);
        int bCol = form.bColStride(n, k);
        if (n == 1) {
            if (form != ProductForm.TRANS_A) {
                dotProducts(a, aOff + i0 * aRow, aRow, i1 - i0, b, bOff, k, c, cOff + i0, accumulate);
            } else {
                // Aᵀ·b: the terms of blocks of BLOCK_ROWS depths added in block order (FusedPasses).
                for (int first = 0; first < k; first += BlockedColumnSums.BLOCK_ROWS) {
                    int rows = Math.min(BlockedColumnSums.BLOCK_ROWS, k - first);
                    combineRows(a, aOff + i0 * aRow + first * aDepth, aDepth, rows, b, bOff + first, c, cOff + i0,
                            i1 - i0, accumulate || first > 0);
                }
            }
            return;
        }
        if (m == 1) {
            if (bCol == 1) {
                combineRows(b, bOff + j0, bDepth, k, a, aOff, c, cOff + j0, j1 - j0, accumulate);
            } else {
                dotProducts(b, bOff + j0 * bCol, bCol, j1 - j0, a, aOff, k, c, cOff + j0, accumulate);
            }
            return;
        }
        if (k == 1) {
            // B's only row is contiguous in every form when k = 1 (bCol = 1).
            outerProduct(a, aOff + i0 * aRow, aRow, i1 - i0, b, bOff + j0, j1 - j0, c, cOff + i0 * n + j0, n,
                    accumulate);
            return;
        }
        Panels ws = panels.get();
        for (int jc = j0; jc < j1; jc += nc) {
            int ncb = Math.min(nc, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kcb = Math.min(KC, k - pc);
                double[] bp = ws.bPanel(ceilDiv(ncb, nr) * nr * kcb);
                packB(bp, 0, b, bOff + pc * bDepth + jc * bCol, bDepth, bCol, kcb, ncb);
                multiplyRowBlock(a, aOff, aRow, aDepth, pc, kcb, bp, 0, i0, i1, jc, ncb, c, cOff, n,
                        accumulate, ws);
            }
        }
    }

    /**
     * Output rows [i0, i1) × columns [jc, jc + ncb) (+)= A rows · the packed B block of depths
     * [pc, pc + kcb) found at {@code bp[bBase…]}.
     */
    private void multiplyRowBlock(double[] a, int aOff, int aRow, int aDepth, int pc, int kcb, double[] bp,
                                  int bBase, int i0, int i1, int jc, int ncb, double[] c, int cOff, int n,
                                  boolean accumulate, Panels ws) {
        for (int ic = i0; ic < i1; ic += mc) {
            int mcb = Math.min(mc, i1 - ic);
            int aBlock = aOff + ic * aRow + pc * aDepth;
            boolean addToC = accumulate || pc > 0;
            int cBlock = cOff + ic * n + jc;
            double[] tile = ws.tile(mr * nr);
            if (aRow == 1) {
                // Rows contiguous at each depth (Aᵀ·B): full mr-row panels are read in place.
                int direct = mcb / mr * mr;
                multiplyPanels(a, aBlock, 1, aDepth, bp, bBase, direct, ncb, kcb, c, cBlock, n, addToC, tile);
                if (direct < mcb) {
                    double[] ap = ws.aPanel(mr * kcb);
                    packA(ap, a, aBlock + direct, aRow, aDepth, mcb - direct, kcb);
                    multiplyPanels(ap, 0, kcb, mr, bp, bBase, mcb - direct, ncb, kcb, c, cBlock + direct * n, n,
                            addToC, tile);
                }
            } else if (aDepth == 1 && ncb <= IN_PLACE_PANELS * nr) {
                multiplyInPlace(a, aBlock, aRow, bp, bBase, mcb, ncb, kcb, c, cBlock, n, addToC, tile, ws);
            } else {
                double[] ap = ws.aPanel(ceilDiv(mcb, mr) * mr * kcb);
                packA(ap, a, aBlock, aRow, aDepth, mcb, kcb);
                multiplyPanels(ap, 0, kcb, mr, bp, bBase, mcb, ncb, kcb, c, cBlock, n, addToC, tile);
            }
        }
    }

    /**
     * C block (mcb×ncb at cIdx, row length ldc) (+)= A block · packed B block. The A tile of rows
     * [ir, ir + mr) starts at {@code aIdx + ir * tileStep} with its mr rows contiguous at each depth
     * ({@code aDepth} apart): tileStep 1 for A read in place, kc for packed panels. Rows past the last
     * full mr-row band must be zero-padded in a panel.
     */
    private void multiplyPanels(double[] a, int aIdx, int tileStep, int aDepth, double[] bp, int bBase, int mcb,
                                int ncb, int kc, double[] c, int cIdx, int ldc, boolean addToC, double[] tile) {
        for (int jr = 0; jr < ncb; jr += nr) {
            int cols = Math.min(nr, ncb - jr);
            for (int ir = 0; ir < mcb; ir += mr) {
                int rows = Math.min(mr, mcb - ir);
                int cTile = cIdx + ir * ldc + jr;
                if (rows == mr && cols == nr && !addToC) {
                    microKernel(a, aIdx + ir * tileStep, aDepth, bp, bBase + jr * kc, kc, c, cTile, ldc);
                } else {
                    microKernel(a, aIdx + ir * tileStep, aDepth, bp, bBase + jr * kc, kc, tile, 0, nr);
                    storeTile(tile, rows, cols, c, cTile, ldc, addToC);
                }
            }
        }
    }

    /**
     * C block (mcb×ncb at cIdx, row length ldc) (+)= A block · packed B block, A's rows read in place
     * ({@code aRow} apart, each contiguous over the kc depths from {@code aIdx}); the last rows short of
     * a full {@link #IN_PLACE_ROWS}-row tile are copied, zero-padded, into a small buffer first.
     */
    private void multiplyInPlace(double[] a, int aIdx, int aRow, double[] bp, int bBase, int mcb, int ncb, int kc,
                                 double[] c, int cIdx, int ldc, boolean addToC, double[] tile, Panels ws) {
        int full = mcb / IN_PLACE_ROWS * IN_PLACE_ROWS;
        int edgeRows = mcb - full;
        double[] edge = null;
        if (edgeRows > 0) {
            edge = ws.aPanel(IN_PLACE_ROWS * kc);
            for (int r = 0; r < IN_PLACE_ROWS; r++) {
                if (r < edgeRows) {
                    System.arraycopy(a, aIdx + (full + r) * aRow, edge, r * kc, kc);
                } else {
                    Arrays.fill(edge, r * kc, (r + 1) * kc, 0);
                }
            }
        }
        for (int jr = 0; jr < ncb; jr += nr) {
            int cols = Math.min(nr, ncb - jr);
            int bIdx = bBase + jr * kc;
            for (int ir = 0; ir < full; ir += IN_PLACE_ROWS) {
                int cTile = cIdx + ir * ldc + jr;
                if (cols == nr && !addToC) {
                    microKernelInPlace(a, aIdx + ir * aRow, aRow, bp, bIdx, kc, c, cTile, ldc);
                } else {
                    microKernelInPlace(a, aIdx + ir * aRow, aRow, bp, bIdx, kc, tile, 0, nr);
                    storeTile(tile, IN_PLACE_ROWS, cols, c, cTile, ldc, addToC);
                }
            }
            if (edgeRows > 0) {
                microKernelInPlace(edge, 0, kc, bp, bIdx, kc, tile, 0, nr);
                storeTile(tile, edgeRows, cols, c, cIdx + full * ldc + jr, ldc, addToC);
            }
        }
    }

    private void storeTile(double[] tile, int rows, int cols, double[] c, int cIdx, int ldc, boolean addToC) {
        if (addToC) {
            addTile(tile, rows, cols, c, cIdx, ldc);
        } else {
            copyTile(tile, rows, cols, c, cIdx, ldc);
        }
    }

    private void addTile(double[] tile, int rows, int cols, double[] c, int cIdx, int ldc) {
        for (int r = 0; r < rows; r++) {
            int t = r * nr;
            int ci = cIdx + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[ci + j] += tile[t + j];
            }
        }
    }

    private void copyTile(double[] tile, int rows, int cols, double[] c, int cIdx, int ldc) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * nr, c, cIdx + r * ldc, cols);
        }
    }

    /** Packs Â rows [0, mcb) × depths [0, kc) from {@code src} into mr-row micro-panels. */
    private void packA(double[] dst, double[] src, int srcOff, int rowStride, int depthStride, int mcb, int kc) {
        for (int ir = 0; ir < mcb; ir += mr) {
            int rows = Math.min(mr, mcb - ir);
            int d = ir * kc;
            int s = srcOff + ir * rowStride;
            if (depthStride == 1 && rows == mr) {
                packFullAPanel(dst, d, src, s, rowStride, kc);
            } else if (depthStride == 1) {
                transposeLines(dst, d, mr, src, s, rowStride, rows, kc);
            } else {
                for (int p = 0; p < kc; p++) {
                    int sp = s + p * depthStride;
                    for (int r = 0; r < rows; r++) {
                        dst[d + p * mr + r] = src[sp + r * rowStride];
                    }
                }
            }
            zeroPadding(dst, d, kc, rows, mr);
        }
    }

    /** Packs B̂ depths [0, kc) × columns [0, ncb) from {@code src} into nr-column micro-panels. */
    private void packB(double[] dst, int dstOff, double[] src, int srcOff, int depthStride, int colStride, int kc,
                       int ncb) {
        for (int jr = 0; jr < ncb; jr += nr) {
            int cols = Math.min(nr, ncb - jr);
            int d = dstOff + jr * kc;
            int s = srcOff + jr * colStride;
            if (colStride == 1 && cols == nr) {
                copyFullBPanel(dst, d, src, s, depthStride, kc);
            } else if (colStride == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(src, s + p * depthStride, dst, d + p * nr, cols);
                }
            } else if (depthStride == 1 && cols == nr) {
                packFullBPanel(dst, d, src, s, colStride, kc);
            } else {
                for (int j = 0; j < cols; j++) {
                    int sj = s + j * colStride;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * nr + j] = src[sj + p * depthStride];
                    }
                }
            }
            zeroPadding(dst, d, kc, cols, nr);
        }
    }

    /** Zeroes entries [used, width) of each of the kc groups of {@code width} starting at d. */
    private static void zeroPadding(double[] dst, int d, int kc, int used, int width) {
        if (used == width) {
            return;
        }
        for (int p = 0; p < kc; p++) {
            Arrays.fill(dst, d + p * width + used, d + (p + 1) * width, 0);
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    /** Per-thread packing buffers; grow only. */
    private static final class Panels {
        private double[] a = new double[0];
        private double[] b = new double[0];
        private double[] tile = new double[0];

        double[] aPanel(int size) {
            if (a.length < size) {
                a = new double[size];
            }
            return a;
        }

        double[] bPanel(int size) {
            if (b.length < size) {
                b = new double[size];
            }
            return b;
        }

        double[] tile(int size) {
            if (tile.length < size) {
                tile = new double[size];
            }
            return tile;
        }
    }

    /** The reusable descriptor of one threaded call; a chunk is a band of rows or of columns. */
    private final class ParallelCall implements ChunkTask {
        private ProductForm form;
        private int m;
        private int n;
        private int k;
        private double[] a;
        private int aOff;
        private double[] b;
        private int bOff;
        private double[] c;
        private int cOff;
        private boolean accumulate;
        private boolean splitRows;
        private int chunks;

        void set(ProductForm form, int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                 double[] c, int cOff, boolean accumulate, boolean splitRows, int chunks) {
            this.form = form;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.b = b;
            this.bOff = bOff;
            this.c = c;
            this.cOff = cOff;
            this.accumulate = accumulate;
            this.splitRows = splitRows;
            this.chunks = chunks;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void runChunk(int chunk) {
            if (splitRows) {
                int tiles = ceilDiv(m, mr);
                computeRegion(form, m, n, k, a, aOff, b, bOff, c, cOff, accumulate,
                        bandStart(chunk, tiles, mr, m), bandStart(chunk + 1, tiles, mr, m), 0, n);
            } else {
                int tiles = ceilDiv(n, nr);
                computeRegion(form, m, n, k, a, aOff, b, bOff, c, cOff, accumulate,
                        0, m, bandStart(chunk, tiles, nr, n), bandStart(chunk + 1, tiles, nr, n));
            }
        }

        private int bandStart(int chunk, int tiles, int tileSize, int limit) {
            return Math.min(limit, (int) ((long) tiles * chunk / chunks) * tileSize);
        }
    }
}
