import Foundation

/// A probability-mass vector kept sparse: the non-zero entries as (index, mass) pairs sorted by
/// index, plus the mass that pruning took away without saying where it was.
///
/// SPEC.md LOOPIX-METRIC-SPARSE. The dense vector it stands for has mass `mass` at each listed
/// index, 0 at every other index, and `pruned` spread over indices that are not listed (unknown
/// which). With `pruned == 0` the sparse vector is exactly the dense one.
struct SparseMass: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var index: Int32
        var mass: Double
    }

    /// Non-zero entries, sorted by index, each index once.
    var entries: [Entry] = []
    /// Mass removed by pruning (LOOPIX-METRIC-SPARSE); 0 while the vector is exact.
    var pruned = 0.0

    init() {}

    /// All mass on one index.
    init(single index: Int) {
        entries = [Entry(index: Int32(index), mass: 1)]
    }

    var isEmpty: Bool { entries.isEmpty && pruned == 0 }

    /// The mass at `index` (0 when not listed; pruned mass is not attributed).
    func mass(at index: Int) -> Double {
        var low = 0, high = entries.count
        let key = Int32(index)
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].index < key { low = mid + 1 } else { high = mid }
        }
        return low < entries.count && entries[low].index == key ? entries[low].mass : 0
    }
}
