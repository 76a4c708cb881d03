import Crypto
import _CryptoExtras
import Foundation

/// How an encrypted journal's key is kept in its manifest: a random data key, sealed (AES-GCM) with a key
/// derived from the passphrase by scrypt. Changing the passphrase re-seals only this data key.
public struct EncryptionSettings: Codable, Sendable, Hashable {
    public var cipher = "AES-256-GCM"
    public var kdf = "scrypt"
    /// scrypt's cost (N), block size (r) and parallelism (p).
    public var rounds: Int
    public var blockSize: Int
    public var parallelism: Int
    public var salt: String
    /// The data key, sealed with the passphrase key (base64 of nonce + ciphertext + tag).
    public var wrappedKey: String
    /// A fingerprint of the data key (not the key): lets a writer notice that the journal was re-encrypted
    /// under another key while it had it open. Absent in journals encrypted by earlier versions.
    public var keyID: String?
}

/// Seals and opens journal files (entries, drafts, the index) with AES-256-GCM.
/// A sealed file starts with `SPIEGEL-SEALED-1` and a newline, then nonce, ciphertext and tag.
public struct JournalCipher: Sendable {
    static let magic = Array("SPIEGEL-SEALED-1\n".utf8)
    private let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// Why a passphrase or a sealed file could not be used.
    public enum Failure: Error, Sendable, Equatable {
        case wrongPassphrase
        case damaged(String)
        case unsupported(String)

        public var message: String {
            switch self {
            case .wrongPassphrase: "wrong passphrase for this journal (nothing was changed)"
            case .damaged(let what): "\(what): cannot be decrypted (damaged or sealed with another key)"
            case .unsupported(let what): "this journal uses \(what), which this Spiegel does not support"
            }
        }
    }

    /// scrypt parameters: N = 2^15, r = 8, p = 1 (about 32 MB and a few tens of milliseconds).
    static let rounds = 1 << 15, blockSize = 8, parallelism = 1
    /// The most work a manifest may ask for (16 times the default's N·r·p, at most 256 MB of memory), so a
    /// tampered manifest cannot make every command take minutes.
    static let maxWork = 16 << 18, maxMemory = 256 << 20

    /// The fingerprint of this journal's data key (see `EncryptionSettings.keyID`).
    public var keyID: String {
        let digest = key.withUnsafeBytes { SHA256.hash(data: Data("spiegel-key-id".utf8) + Data($0)) }
        return Data(digest.prefix(12)).base64EncodedString()
    }

    private static func passphraseKey(_ passphrase: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: rounds,
                                 blockSize: blockSize, parallelism: parallelism, maxMemory: 256 << 20)
    }

    /// A new random data key and the settings that keep it under `passphrase`.
    public static func create(passphrase: String) throws -> (JournalCipher, EncryptionSettings) {
        let dataKey = SymmetricKey(size: .bits256)
        let settings = try wrap(dataKey, passphrase: passphrase)
        return (JournalCipher(key: dataKey), settings)
    }

    private static func wrap(_ dataKey: SymmetricKey, passphrase: String) throws -> EncryptionSettings {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let kek = try passphraseKey(passphrase, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        let raw = dataKey.withUnsafeBytes { Data($0) }
        let sealed = try AES.GCM.seal(raw, using: kek).combined!
        return EncryptionSettings(rounds: rounds, blockSize: blockSize, parallelism: parallelism,
                                  salt: salt.base64EncodedString(), wrappedKey: sealed.base64EncodedString(),
                                  keyID: JournalCipher(key: dataKey).keyID)
    }

    /// Opens the data key with `passphrase`; a wrong passphrase is reported as such.
    public static func open(_ settings: EncryptionSettings, passphrase: String) throws(Failure) -> JournalCipher {
        guard settings.cipher == "AES-256-GCM" else { throw .unsupported(settings.cipher) }
        guard settings.kdf == "scrypt" else { throw .unsupported(settings.kdf) }
        guard let salt = Data(base64Encoded: settings.salt), salt.count >= 8,
              let wrapped = Data(base64Encoded: settings.wrappedKey), wrapped.count == 12 + 32 + 16,
              let box = try? AES.GCM.SealedBox(combined: wrapped)
        else { throw .damaged("the journal manifest's encryption settings") }
        let (n, r, p) = (settings.rounds, settings.blockSize, settings.parallelism)
        guard n >= 2, n & (n - 1) == 0, (1...32).contains(r), (1...16).contains(p),
              n.multipliedReportingOverflow(by: r * p).partialValue <= maxWork, n <= maxWork,
              128 * r <= maxMemory / n
        else {
            throw .unsupported("scrypt parameters N=\(n), r=\(r), p=\(p) (more work than Spiegel allows: N·r·p at most \(maxWork))")
        }
        let kek: SymmetricKey
        do {
            kek = try passphraseKey(passphrase, salt: salt, rounds: n, blockSize: r, parallelism: p)
        } catch {
            throw .damaged("the journal manifest's encryption settings")
        }
        guard let raw = try? AES.GCM.open(box, using: kek) else { throw .wrongPassphrase }
        guard raw.count == 32 else { throw .damaged("the journal manifest's wrapped key") }
        let cipher = JournalCipher(key: SymmetricKey(data: raw))
        if let keyID = settings.keyID, keyID != cipher.keyID { throw .damaged("the journal manifest's key fingerprint") }
        return cipher
    }

    /// The same data key kept under a new passphrase.
    public func rewrapped(passphrase: String) throws -> EncryptionSettings {
        try Self.wrap(key, passphrase: passphrase)
    }

    /// An authentication code for `data` (the manifest) with a key derived from the data key: only a holder
    /// of the passphrase can make one.
    public func mac(_ data: Data) -> String {
        let macKey = key.withUnsafeBytes { SymmetricKey(data: SHA256.hash(data: Data("spiegel-manifest-mac".utf8) + Data($0))) }
        return Data(HMAC<SHA256>.authenticationCode(for: data, using: macKey)).base64EncodedString()
    }

    public static func isSealed(_ data: Data) -> Bool {
        data.count >= magic.count && data.prefix(magic.count).elementsEqual(magic)
    }

    public func seal(_ plain: Data) -> Data {
        // Sealing with a fresh random nonce cannot fail for in-memory data.
        let box = try! AES.GCM.seal(plain, using: key)
        return Data(Self.magic) + box.combined!
    }

    public func open(_ sealed: Data, path: String) throws(Failure) -> Data {
        guard Self.isSealed(sealed) else { throw .damaged(path) }
        do {
            return try AES.GCM.open(try AES.GCM.SealedBox(combined: sealed.dropFirst(Self.magic.count)), using: key)
        } catch {
            throw .damaged(path)
        }
    }
}
