extension CompetencyFramework {
    /// A SAMPLE batik cap framework built from the production steps of the programme, for the demo and tests.
    ///
    /// It is illustrative, NOT an official SKKNI: the national unit list is not confirmed from public sources.
    /// Its codes live in the obviously fake `SAMPLE.BTKCAP.*` namespace so they can never be mistaken for
    /// SKKNI codes such as `C.13BTK01.001.2`. The same data ships as
    /// `schemas/examples/sample-batik-cap-framework.json`.
    public static let sampleBatikCap = CompetencyFramework(
        id: "SAMPLE.BTKCAP",
        version: "2026.1",
        title: LocalizedText(
            id: "SAMPLE / CONTOH: Kerangka kompetensi batik cap (ilustrasi, bukan SKKNI)",
            en: "SAMPLE / CONTOH: Batik cap competency framework (illustrative, not an SKKNI)"),
        source: "Illustrative sample built by Bekal from the batik cap production steps; not an official SKKNI or BNSP scheme.",
        isSample: true,
        units: [
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.001",
                title: LocalizedText(id: "Menyiapkan kain mori", en: "Prepare the mori cloth"),
                elements: [
                    LocalizedText(id: "Memilih mori primisima atau prima", en: "Choose primisima or prima grade mori"),
                    LocalizedText(id: "Mencuci, mengeringkan dan memotong mori", en: "Wash, dry and cut the mori to size"),
                ],
                kkniLevel: 1),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.002",
                title: LocalizedText(id: "Menyiapkan meja cap berlapis", en: "Prepare the padded stamping table"),
                elements: [
                    LocalizedText(id: "Memasang lapisan empuk meja cap", en: "Lay the padding of the stamping table"),
                    LocalizedText(id: "Membentangkan mori di atas meja", en: "Spread the mori over the table"),
                ],
                kkniLevel: 1),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.003",
                title: LocalizedText(id: "Memanaskan malam", en: "Heat the malam (wax)"),
                elements: [
                    LocalizedText(id: "Memanaskan malam pada suhu 60–70 °C", en: "Heat the wax to 60–70 °C"),
                    LocalizedText(id: "Mencelupkan cap tembaga sedalam sekitar 1 cm", en: "Dip the copper cap about 1 cm deep"),
                ],
                kkniLevel: 2),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.004",
                title: LocalizedText(id: "Mengecap kain mengikuti pola", en: "Stamp the cloth following a layout"),
                elements: [
                    LocalizedText(
                        id: "Mengikuti sistem pola tubrukan, ondo-ende, parang, mubeng atau mlampah",
                        en: "Follow a tubrukan, ondo-ende, parang, mubeng or mlampah layout"),
                    LocalizedText(id: "Menekan cap dengan tekanan merata", en: "Press the cap with even pressure"),
                    LocalizedText(id: "Memastikan malam tembus ke balik kain", en: "Make sure the wax reaches the back of the cloth"),
                ],
                kkniLevel: 2),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.005",
                title: LocalizedText(id: "Mewarnai kain dengan teknik celup", en: "Colour the cloth by dipping (celup)"),
                elements: [
                    LocalizedText(id: "Menyiapkan larutan pewarna sintetis atau alami", en: "Prepare a synthetic or natural dye bath"),
                    LocalizedText(id: "Mencelup kain hingga warna merata", en: "Dip the cloth until the colour is even"),
                ],
                kkniLevel: 2),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.006",
                title: LocalizedText(id: "Mewarnai kain dengan teknik colet", en: "Colour the cloth by hand painting (colet)"),
                elements: [
                    LocalizedText(id: "Mengoleskan pewarna pada bidang motif", en: "Paint dye onto the motif areas"),
                ],
                kkniLevel: 2,
                isCore: false),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.007",
                title: LocalizedText(id: "Melorod malam", en: "Remove the wax (lorod)"),
                elements: [
                    LocalizedText(id: "Melorod malam dalam air mendidih", en: "Remove the wax in boiling water"),
                    LocalizedText(id: "Mencuci, menjemur dan menyetrika kain", en: "Wash, dry and iron the cloth"),
                ],
                kkniLevel: 2),
            CompetencyUnit(
                code: "SAMPLE.BTKCAP.008",
                title: LocalizedText(id: "Mengendalikan mutu batik cap", en: "Control the quality of batik cap"),
                elements: [
                    LocalizedText(id: "Memeriksa kerataan tekanan cap", en: "Check that the stamp pressure is even"),
                    LocalizedText(id: "Memeriksa suhu dan tembusnya malam", en: "Check wax temperature and penetration"),
                    LocalizedText(
                        id: "Menguji ketahanan luntur warna terhadap pencucian, gosokan dan setrika",
                        en: "Test colour fastness to washing, rubbing and ironing"),
                ],
                kkniLevel: 3),
        ])
}
