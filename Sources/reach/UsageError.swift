import ArgumentParser

/// A flag or argument that cannot be used: one line, without the usage screen, and exit status 64
/// (``ExitStatus/usage``). ArgumentParser's own type, so that one thrown from `validate()` (which
/// ArgumentParser wraps) ends as a parse error does.
typealias UsageError = ValidationError
