public enum Tropa { /// The version printed by `tropa --version` and keyed into the build cache.
    public static let version = "0.1.0" }
