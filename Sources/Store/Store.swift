/// The embedded SQLite store; filled in by the foundation issue's store work.
public enum StoreModule {}
