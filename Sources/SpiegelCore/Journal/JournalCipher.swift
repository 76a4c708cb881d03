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
                                  salt: salt.base64EncodedString(), wrappedKey: sealed.base64EncodedString())
    }

    /// Opens the data key with `passphrase`; a wrong passphrase is reported as such.
    public static func open(_ settings: EncryptionSettings, passphrase: String) throws(Failure) -> JournalCipher {
        guard settings.cipher == "AES-256-GCM" else { throw .unsupported(settings.cipher) }
        guard settings.kdf == "scrypt" else { throw .unsupported(settings.kdf) }
        guard let salt = Data(base64Encoded: settings.salt), let wrapped = Data(base64Encoded: settings.wrappedKey),
              (1...(1 << 20)).contains(settings.rounds), (1...32).contains(settings.blockSize), (1...16).contains(settings.parallelism)
        else { throw .damaged("the journal manifest's encryption settings") }
        do {
            let kek = try passphraseKey(passphrase, salt: salt, rounds: settings.rounds, blockSize: settings.blockSize,
                                        parallelism: settings.parallelism)
            let raw = try AES.GCM.open(try AES.GCM.SealedBox(combined: wrapped), using: kek)
            return JournalCipher(key: SymmetricKey(data: raw))
        } catch {
            throw .wrongPassphrase
        }
    }

    /// The same data key kept under a new passphrase.
    public func rewrapped(passphrase: String) throws -> EncryptionSettings {
        try Self.wrap(key, passphrase: passphrase)
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
