package org.mwdump.write.bzip2;

/**
 * libbzip2's Huffman code construction: a binary heap of weights whose low byte carries the subtree
 * depth (so that, among equal weights, shallower trees merge first), and, when a code would exceed the
 * length limit, weights halved and the tree built again. Canonical codes are then assigned in order of
 * length and symbol.
 */
final class Huffman {
    private static final int MAX_ALPHA = 258;
    private final int[] heap = new int[MAX_ALPHA + 2];
    private final int[] weight = new int[MAX_ALPHA * 2];
    private final int[] parent = new int[MAX_ALPHA * 2];

    /** Code lengths for {@code freq[0..alphaSize)} into {@code len}, none longer than {@code maxLen}. */
    void codeLengths(byte[] len, int[] freq, int alphaSize, int maxLen) {
        int[] w = weight;
        for (int i = 0; i < alphaSize; i++) {
            w[i + 1] = (freq[i] == 0 ? 1 : freq[i]) << 8;
        }
        while (true) {
            int nodes = alphaSize;
            int size = 0;
            heap[0] = 0;
            w[0] = 0;
            parent[0] = -2;
            for (int i = 1; i <= alphaSize; i++) {
                parent[i] = -1;
                heap[++size] = i;
                up(size);
            }
            while (size > 1) {
                int n1 = heap[1];
                heap[1] = heap[size--];
                down(1, size);
                int n2 = heap[1];
                heap[1] = heap[size--];
                down(1, size);
                nodes++;
                parent[n1] = nodes;
                parent[n2] = nodes;
                int a = w[n1];
                int b = w[n2];
                w[nodes] = ((a & 0xFFFFFF00) + (b & 0xFFFFFF00)) | (1 + Math.max(a & 0xFF, b & 0xFF));
                parent[nodes] = -1;
                heap[++size] = nodes;
                up(size);
            }
            boolean tooLong = false;
            for (int i = 1; i <= alphaSize; i++) {
                int depth = 0;
                for (int k = i; parent[k] >= 0; k = parent[k]) {
                    depth++;
                }
                len[i - 1] = (byte) depth;
                if (depth > maxLen) {
                    tooLong = true;
                }
            }
            if (!tooLong) {
                return;
            }
            for (int i = 1; i <= alphaSize; i++) {
                int j = w[i] >> 8;
                j = 1 + (j / 2);
                w[i] = j << 8;
            }
        }
    }

    private void up(int z) {
        int tmp = heap[z];
        while (weight[tmp] < weight[heap[z >> 1]]) {
            heap[z] = heap[z >> 1];
            z >>= 1;
        }
        heap[z] = tmp;
    }

    private void down(int z, int size) {
        int tmp = heap[z];
        while (true) {
            int y = z << 1;
            if (y > size) {
                break;
            }
            if (y < size && weight[heap[y + 1]] < weight[heap[y]]) {
                y++;
            }
            if (weight[tmp] < weight[heap[y]]) {
                break;
            }
            heap[z] = heap[y];
            z = y;
        }
        heap[z] = tmp;
    }

    /** Canonical codes: by increasing length, and by symbol within a length. */
    static void assignCodes(int[] code, byte[] len, int alphaSize) {
        int min = 32;
        int max = 0;
        for (int i = 0; i < alphaSize; i++) {
            min = Math.min(min, len[i]);
            max = Math.max(max, len[i]);
        }
        int vec = 0;
        for (int n = min; n <= max; n++) {
            for (int i = 0; i < alphaSize; i++) {
                if (len[i] == n) {
                    code[i] = vec++;
                }
            }
            vec <<= 1;
        }
    }
}
