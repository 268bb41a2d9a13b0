/// The Loopix model. See SPEC.md, chapter Loopix.
public enum Loopix {}
