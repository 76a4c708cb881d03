import ArgumentParser
import SpiegelCore

/// `init [--encrypt]`: creates a journal (optionally encrypted).
struct InitCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a journal, optionally encrypted with a passphrase (--encrypt).",
        discussion: "The passphrase is read from the terminal without echo, or from the file named by SPIEGEL_PASSPHRASE_FILE.")

    @Flag(help: "Encrypt the journal (AES-GCM, key derived from a passphrase with scrypt).")
    var encrypt = false

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let plain = JournalStore(root: session.journalRoot)
        if plain.exists {
            throw CommandFailure(encrypt ? session.say.journalExistsEncrypt(plain.root) : session.say.journalExists(plain.root),
                                 exitCode: ExitStatus.cantCreate)
        }
        var settings: EncryptionSettings?
        var store = plain
        if encrypt {
            let asker = Passphrase(environment: session.environment, say: session.say)
            if !asker.fromFile() { session.warn(session.say.passphraseKeepItSafe()) }
            let passphrase = try asker.read(prompt: session.say.journalNewPassphrase(), confirm: true)
            let (cipher, created) = try JournalCipher.create(passphrase: passphrase)
            settings = created
            store = JournalStore(root: plain.root, cipher: cipher)  // the new manifest is authenticated with its key
        }
        try store.prepare(now: session.now, encryption: settings)
        session.forgetJournal()
        session.print(session.say.journalJournalCreatedAtRoot(plain.root)
                      + (encrypt ? session.say.journalEncrypted() : ""))
    }
}

/// `encrypt`: encrypts an existing journal in place.
struct EncryptCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt", abstract: "Encrypt your existing journal with a passphrase.")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let plain = JournalStore(root: session.journalRoot, lockWaiting: session.lockWaiting)
        guard let manifest = try plain.manifest() else {
            throw CommandFailure(session.say.journalNone(plain.root), exitCode: ExitStatus.noInput)
        }
        let cipher: JournalCipher, settings: EncryptionSettings
        if let existing = manifest.encryption {
            // Finishing an interrupted encryption: the key is the journal's own.
            let store = try session.journal
            guard let key = store.cipher else { return }
            (cipher, settings) = (key, existing)
        } else {
            let asker = Passphrase(environment: session.environment, say: session.say)
            if !asker.fromFile() { session.warn(session.say.passphraseKeepItSafe()) }
            let passphrase = try asker.read(prompt: session.say.journalNewPassphrase(), confirm: true)
            (cipher, settings) = try JournalCipher.create(passphrase: passphrase)
        }
        let count = try plain.encrypt(with: cipher, settings: settings, extra: try rescuedFiles(session))
        session.forgetJournal()
        session.print(session.say.journalEncryptedFiles(session.say.countFiles(count)))
    }
}

/// Answers rescued from failed writes (plain JSON in the state directory): sealed along with the journal.
private func rescuedFiles(_ session: Session) throws -> [String] {
    let folder = session.environment.stateHome + "/rescued"
    return try SafeFiles.list(folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
}

/// `decrypt`: turns an encrypted journal back into plain files.
struct DecryptCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt", abstract: "Remove the encryption of your journal (asks its passphrase).")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let store = try session.journal
        guard store.cipher != nil else { throw CommandFailure(session.say.journalNotEncrypted(store.root), exitCode: ExitStatus.dataError) }
        let count = try store.decrypt()
        session.forgetJournal()
        session.print(session.say.journalDecryptedFiles(session.say.countFiles(count)))
    }
}

/// `rekey`: changes the passphrase (the data key stays; only the manifest changes).
struct RekeyCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey", abstract: "Change the passphrase of your encrypted journal.",
        discussion: "Scripts give the current passphrase in SPIEGEL_PASSPHRASE_FILE and the new one in SPIEGEL_NEW_PASSPHRASE_FILE.")

    @OptionGroup var global: GlobalOptions

    func execute(in session: Session) throws {
        let store = try session.journal
        guard let cipher = store.cipher else { throw CommandFailure(session.say.journalNotEncrypted(store.root), exitCode: ExitStatus.dataError) }
        // At a terminal the current passphrase is asked even when the shell has the journal open already, and
        // the new one may not be the same.
        let asker = Passphrase(environment: session.environment, say: session.say)
        var current: String?
        if !asker.fromFile(), let settings = try store.manifest()?.encryption {
            let typed = try asker.read(prompt: session.say.passphraseCurrent())
            do { _ = try JournalCipher.open(settings, passphrase: typed) } catch {
                throw CommandFailure(session.say.cipherFailure(error), exitCode: ExitStatus.noPermission)
            }
            current = typed
        }
        let passphrase = try asker.read(prompt: session.say.journalNewPassphrase(), variable: "SPIEGEL_NEW_PASSPHRASE_FILE", confirm: true,
                                        refusing: current)
        try store.rekey(try cipher.rewrapped(passphrase: passphrase))
        session.forgetJournal()
        session.print(session.say.journalPassphraseChanged())
    }
}
