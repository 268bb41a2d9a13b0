// loopix-sim: runs the Loopix model of SPEC.md chapter 8 and prints what it measured next to
// the closed forms. Subcommands: run (default), entropy-curve (the paper's Fig. 4), vectors.
LoopixSim.main()
