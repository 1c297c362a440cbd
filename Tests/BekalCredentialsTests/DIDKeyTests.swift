import BekalCredentials
import BekalLinkedData
import BekalJSON
import Testing

@Suite("did:key and base58")
struct DIDKeyTests {
    @Test("every did:key vector's seed yields its DID and verification method")
    func vectors() throws {
        let vectors = try #require(try Fixture.json("did-key/ed25519-x25519.json").objectValue)
        #expect(vectors.count == 5)
        for (did, vector) in vectors {
            let seedText = try #require(vector["seed"]?.stringValue)
            let seed = try #require(Hex.decode(seedText))
            let key = try IssuerKey(seed: seed)
            #expect(key.didKey.did == did)
                let methodID = try #require(vector["didDocument"]?["assertionMethod"]?.arrayValue?.first?.stringValue)
            #expect(key.didKey.verificationMethodID == methodID)
            if let base58 = vector["verificationKeyPair"]?["publicKeyBase58"]?.stringValue {
                #expect(Base58.encode(key.didKey.publicKey) == base58)
                #expect(try Base58.checkedDecode(base58) == key.didKey.publicKey)
            }
            #expect(try DIDKey(did) == key.didKey)
            #expect(try DIDKey(methodID) == key.didKey)
        }
    }

    @Test("the W3C key pair's private multikey derives its public multikey")
    func w3cKeyPair() throws {
        let pair = try Fixture.json("vc-di-eddsa/keyPair.json")
        let privateKey = try #require(pair["privateKeyMultibase"]?.stringValue)
        let key = try IssuerKey(privateKeyMultibase: privateKey)
        #expect(key.didKey.publicKeyMultibase == pair["publicKeyMultibase"]?.stringValue)
    }

    @Test("the DID document lists one Multikey under assertionMethod and authentication")
    func didDocument() throws {
        let key = try DIDKey("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        let doc = key.didDocument
        let method = try #require(doc["verificationMethod"]?.arrayValue?.first)
        #expect(method["type"] == "Multikey")
        #expect(method["publicKeyMultibase"]?.stringValue == "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        #expect(doc["assertionMethod"] == [.string(key.verificationMethodID)])
        #expect(doc["authentication"] == [.string(key.verificationMethodID)])
    }

    @Test("leading zero bytes survive base58 both ways")
    func leadingZeros() throws {
        let bytes: [UInt8] = [0, 0, 1, 2, 255]
        let text = Base58.encode(bytes)
        #expect(text.hasPrefix("11"))
        #expect(try Base58.checkedDecode(text) == bytes)
    }

    @Test("bad identifiers are refused with a named error", arguments: [
        "did:web:example.com", "did:key:", "did:key:zzzz", "did:key:z0OIl",
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",
        // An X25519 key (0xec01), not Ed25519.
        "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
    ])
    func refused(_ text: String) {
        #expect(throws: CredentialError.self) { try DIDKey(text) }
    }

    @Test("non-base58 characters are an invalidBase58 error")
    func nonBase58() {
        #expect(throws: CredentialError(.invalidBase58, "")) { try Base58.checkedDecode("abc0") }
    }
}
