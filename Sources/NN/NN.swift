/// The neural-network core (matrices on OpenBLAS, layers, losses, optimisers); filled in by the
/// thinking reward model issue.
public enum NN {}
