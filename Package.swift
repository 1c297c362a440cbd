// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Bekal",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Bekal", targets: [
            "BekalDomain", "BekalStore", "BekalJSON", "BekalCredentials",
            "BekalLinkedData", "BekalMetrics", "BekalPublisher", "BekalRender", "BekalLog", "BekalApp",
        ]),
        .executable(name: "bekal", targets: ["bekal"]),
        .executable(name: "bekal-bench", targets: ["bekal-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The web interface (`bekal serve`): Hummingbird 2 with TLS, bcrypt from hummingbird-auth, and a
        // multipart/form-data parser for evidence uploads. Hummingbird's default traits (swift-configuration
        // support) are off: nothing here reads configuration through it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // Named for the types the web target uses directly (HTTP fields, TLS certificates, byte buffers); the
        // versions are those Hummingbird resolves to.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The domain: value types and rules, no I/O.
        .target(name: "BekalDomain", dependencies: ["BekalJSON"], swiftSettings: swiftSettings),
        // Verifiable logs: RFC 9162 Merkle trees, C2SP signed notes, checkpoints, cosignatures and the witness.
        .target(
            name: "BekalLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        // The ledger: one SQLite file through GRDB, append-only with a hash chain and a Merkle log.
        .target(
            name: "BekalStore",
            dependencies: [
                "BekalDomain", "BekalLog", "BekalJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API for the bulk import's hot inserts (the same library GRDB uses).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Strict I-JSON values, parser and RFC 8785 canonicalization.
        .target(name: "BekalJSON", swiftSettings: swiftSettings),
        // Verifiable credentials: did:key, Data Integrity proofs, export, verifier.
        .target(
            name: "BekalCredentials",
            dependencies: [
                "BekalDomain", "BekalJSON", "BekalLinkedData", "BekalLog", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // zlib, for the GZIP of Bitstring Status Lists (no Foundation compression on Linux).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // JSON-LD 1.1 expansion to RDF and RDFC-1.0 canonicalization, offline.
        .target(
            name: "BekalLinkedData",
            dependencies: [
                "BekalJSON",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Contexts")],
            swiftSettings: swiftSettings),
        // Anonymized programme metrics with disclosure control.
        .target(name: "BekalMetrics", dependencies: ["BekalDomain"], swiftSettings: swiftSettings),
        // libcurl, reached through a small C shim (curl_easy_setopt is variadic).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // Delivery of metrics reports: outbox relay over libcurl.
        .target(
            name: "BekalPublisher",
            dependencies: [
                "BekalDomain", "BekalMetrics", "CCurlShim",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // The human-readable portfolio: bilingual, printable, self-contained HTML with the verdict.
        .target(
            name: "BekalRender",
            dependencies: [
                "BekalDomain", "BekalJSON", "BekalCredentials",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // The application layer: one function per use case, over a storage protocol; every front end calls it.
        .target(
            name: "BekalApp",
            dependencies: [
                "BekalDomain", "BekalStore", "BekalJSON", "BekalCredentials", "BekalLinkedData", "BekalMetrics",
                "BekalPublisher", "BekalRender", "BekalLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings),
        // The web interface: routes, pages, sessions and security headers over the application layer (no SQL).
        .target(
            name: "BekalWeb",
            dependencies: [
                "BekalApp", "BekalCredentials", "BekalDomain", "BekalJSON", "BekalLog", "BekalRender", "BekalMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // The command-line tool: parses arguments, calls one use case, prints.
        .executableTarget(
            name: "bekal",
            dependencies: [
                "BekalApp", "BekalDomain", "BekalCredentials", "BekalJSON", "BekalMetrics", "BekalPublisher", "BekalRender", "BekalLog", "BekalWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // The benchmark program (release build), driven by scripts/bench.sh; not part of the test suite.
        .executableTarget(
            name: "bekal-bench",
            dependencies: [
                "BekalApp", "BekalDomain", "BekalStore", "BekalJSON", "BekalCredentials", "BekalLinkedData", "BekalMetrics",
                "BekalPublisher", "BekalLog", "BekalTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Test oracles and test doubles shared by the test targets and the benchmark: the reference computation of
        // the programme figures, an in-memory outbox. Not in the library product; no production target depends on it.
        .target(
            name: "BekalTestSupport",
            dependencies: ["BekalDomain", "BekalPublisher"],
            path: "Tests/BekalTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "BekalDomainTests", dependencies: ["BekalDomain"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalLogTests", dependencies: ["BekalLog", .product(name: "Crypto", package: "swift-crypto")], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalStoreTests", dependencies: ["BekalTestSupport", "BekalStore", "BekalLog", "BekalDomain", "BekalMetrics", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalJSONTests", dependencies: ["BekalJSON"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalCredentialsTests", dependencies: ["BekalCredentials", "BekalJSON", "BekalDomain", "BekalLinkedData", "BekalLog"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalLinkedDataTests", dependencies: ["BekalLinkedData", "BekalJSON"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalMetricsTests", dependencies: ["BekalTestSupport", "BekalMetrics", "BekalDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "BekalPublisherTests", dependencies: ["BekalTestSupport", "BekalPublisher", "BekalMetrics", "BekalDomain", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalRenderTests", dependencies: ["BekalRender", "BekalCredentials", "BekalJSON", "BekalDomain", "BekalStore", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "BekalAppTests", dependencies: ["BekalTestSupport", "BekalApp", "BekalPublisher", "BekalStore", "BekalDomain", "BekalMetrics", "BekalCredentials", "BekalJSON", "BekalRender", "BekalLog", .product(name: "Logging", package: "swift-log")], swiftSettings: swiftSettings),
        // Fixtures/: Python helpers the tests run from the source tree (an insider's attacks, RFC 9162 checks).
        .testTarget(name: "BekalCLITests", dependencies: ["bekal", "BekalTestSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BekalWebTests",
            dependencies: [
                "BekalWeb", "BekalApp", "BekalCredentials", "BekalDomain", "BekalRender", "BekalPublisher", "bekal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                // The fixture's template: a copy of the ledger through SQLite's backup API.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Fixtures/: the Selenium driver of the browser test, run from the source tree.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
    ]
)
