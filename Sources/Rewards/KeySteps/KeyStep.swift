/// One key step of a reference solution with the surface forms a model might write it in.
///
/// A row's `key_steps` is a list of these groups' `forms`; StepRAR counts a step as reproduced when
/// any one form occurs in the response's steps.
public struct KeyStep: Sendable, Equatable {
    /// What kind of step this is, which decides how its forms are generated.
    public enum Kind: String, Sendable, CaseIterable {
        /// An equation or calculation: `BD = 12/2 = 6`.
        case equation
        /// A named geometric relation: `AD is a median`, `AB ∥ CD`.
        case relation
        /// A key number with its short context: `24 apples`, `15%`.
        case quantity
    }

    /// The kind.
    public var kind: Kind
    /// The step as the reference wrote it.
    public var text: String
    /// Equivalent surface forms, the most canonical first; never empty.
    public var forms: [String]

    /// Makes a key step.
    public init(kind: Kind, text: String, forms: [String]) {
        self.kind = kind
        self.text = text
        self.forms = forms
    }
}
