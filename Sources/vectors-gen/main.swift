print("vectors-gen: not yet implemented")
