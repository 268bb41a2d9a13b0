print("loopix-sim: not yet implemented")
