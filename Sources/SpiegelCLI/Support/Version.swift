/// What `spiegel --version` prints. A build from source says it is a development build;
/// Scripts/package.sh writes the package's version here while it builds a release.
enum SpiegelVersion {
    static let current = "1.0.0-dev"
}
