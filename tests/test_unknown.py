"""Companies the names file does not know, marked by the text as a deal's side
(pipeline/unknown.py `sides`, deals.toml name_follows, name_precedes, company_nouns)."""

from __future__ import annotations

import pytest

import dealscope as ds
from dealscope.pipeline import unknown


def sides(sentence: str, lang: str = "en", known: list[tuple[int, int]] | None = None,
          marked: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The sides `unknown.sides` marks, clear of `known`: by default the spans of the
    names the names file knows in the sentence, as the pipeline passes them, less the
    `marked` names a case expects the mark to find (several are names the file has
    learned since their case was written)."""
    if known is None:
        names = ds.find_names([sentence], engine="python")
        known = [(start, end) for start, end, text in names.select("start", "end", "text").rows()
                 if text not in marked]
    return [sentence[s:e] for s, e, _ in unknown.sides(sentence, known, lang)]


@pytest.mark.parametrize(("sentence", "lang", "want"), [
    ("AMD acquired ZT Systems for $4.9 billion.", "en", ["ZT Systems"]),
    ("Qualcomm said it would buy Alphawave for $2.4 billion.", "en", ["Alphawave"]),
    ("CoreWeave acquired Weights & Biases last year.", "en", ["Weights & Biases"]),
    ("AMD bought Silo AI, Europe's largest private AI lab.", "en", ["Silo AI"]),
    ("Wayve raised $1.05 billion in a round led by SoftBank.", "en", ["Wayve", "SoftBank"]),
    ("Nvidia invested $500 million in startup Wayve.", "en", ["Wayve"]),
    ("Nvidia invested $1 billion in Nokia, the Finnish telecom equipment company.", "en",
     ["Nokia"]),
    ("Le rachat d'Alphawave par Qualcomm.", "fr", ["Alphawave"]),
    ("Сбер купил компанию Cloud Solutions за 2 млрд рублей.", "ru", ["Cloud Solutions"]),
    ("Poolside pozyskał 1 mld dolarów.", "pl", ["Poolside"]),
    # The hyphenated word for a startup names it too.
    ("Amazon przejmie start-up Adept za 400 mln dolarów.", "pl", ["Adept"]),
    ("Amazon adquirirá la start-up Adept por 400 millones de dólares.", "es", ["Adept"]),
    ("Amazon acquisirà la start-up Adept per 400 milioni di dollari.", "it", ["Adept"]),
    # An adjective after the noun, where adjectives follow it.
    ("La startup española Multiverse Computing ha cerrado una ronda.", "es",
     ["Multiverse Computing"]),
    ("La société française Sesterce a levé 30 millions d'euros.", "fr", ["Sesterce"]),
    ("英伟达同意以约9亿美元收购Enfabrica的技术和团队。", "zh", ["Enfabrica"]),
    ("ソフトバンクはAmpereを買収した。", "ja", ["Ampere"]),
    # The particle, then the verb a few words on.
    ("エヌビディアはEnfabricaを9億ドルで買収した。", "ja", ["Enfabrica"]),
    ("엔비디아는 Enfabrica를 9억 달러에 인수했다.", "ko", ["Enfabrica"]),
    # Sold to a buyer: the company sold and the buyer after the word for "to".
    ("Intel agreed to sell Altera to Silver Lake for $8.75 billion.", "en",
     ["Altera", "Silver Lake"]),
    ("Intel sold a 51% stake in Altera to Silver Lake.", "en", ["Altera", "Silver Lake"]),
    ("Intel a cédé 51 % d'Altera à Silver Lake.", "fr", ["Silver Lake"]),
    # German: the word for a company ends a compound and may take a case ending.
    ("Nvidia übernimmt das Startup Lepton für mehrere hundert Millionen Dollar.", "de",
     ["Lepton"]),
    ("Siemens übernimmt den Softwareanbieter Excellicon.", "de", ["Excellicon"]),
    ("Siemens hat die Übernahme des US-Softwareanbieters Altair abgeschlossen.", "de",
     ["Altair"]),
    ("Das Münchner Rüstungs-Start-up Black Forest Labs sammelt Geld ein.", "de",
     ["Black Forest Labs"]),
    ("Helsing übernimmt den Flugzeugbauer Grob Aircraft.", "de", ["Grob Aircraft"]),
    # Opening the sentence before the subject's verb of a deal (doer words between), and a
    # second company listed after a word for "and".
    ("Disney will invest $1 billion in OpenAI.", "en", ["Disney"]),
    ("InPost podpisał umowę z OpenAI.", "pl", ["InPost"]),
    ("Poste Italiane e Microsoft hanno firmato un accordo.", "it", ["Poste Italiane"]),
    ("Iberdrola y Echelon Data Centres crearán una empresa conjunta.", "es",
     ["Iberdrola", "Echelon Data Centres"]),
    # Right after a word for buying from.
    ("Ростелеком закупит у Yadro серверы.", "ru", ["Yadro"]),
    # Opening the sentence before a passive verb of buying or a word for talks.
    ("Modular was acquired by Databricks.", "en", ["Modular"]),
    ("Almawave è stata acquisita da Accenture.", "it", ["Almawave"]),
    ("Pigment is in talks to raise $150 million from Sequoia.", "en", ["Pigment"]),
    ("Pigment serait en discussions pour lever 150 millions d'euros.", "fr", ["Pigment"]),
    ("Das Softwareunternehmen Celonis wird übernommen.", "de", ["Celonis"]),
    # Opening the sentence before a verb of announcing; after a word for a group.
    ("Moeve ha anunciado una alianza con Microsoft.", "es", ["Moeve"]),
    ("Allegro nawiązało współpracę z OpenAI.", "pl", ["Allegro"]),
    ("Le groupe Renault a annoncé un partenariat avec Google Cloud.", "fr", ["Renault"]),
    # Opening the sentence before a verb of supplying.
    ("Vattenfall will supply wind power to Microsoft.", "en", ["Vattenfall"]),
    ("Endesa suministrará energía renovable a Amazon.", "es", ["Endesa"]),
    # zh: a name in Chinese characters between a word for "from" and one for buying.
    ("腾讯向燧原科技采购了一批AI芯片。", "zh", ["燧原科技"]),
    # A preposition after the name leaves it a name, not a modifier.
    ("Supermicro will sell AI servers to DataVolt under a $20 billion agreement.", "en",
     ["DataVolt"]),
    ("Nvidia acquired Deci during the quarter.", "en", ["Deci"]),
    # Quoted, after a word for buying from or for a company.
    ("МТС закупит у «Сигма» серверы.", "ru", ["Сигма"]),
    ("МТС закупит у компании «Сигма» серверы.", "ru", ["Сигма"]),
    ("Nvidia acquired the startup “Deci” for $300 million.", "en", ["Deci"]),
    # Working together is a verb of a deal too.
    ("Stellantis and Nvidia will work together on self-driving software.", "en",
     ["Stellantis"]),
    # German: listed with a known company before their plural verb of a deal.
    ("Zalando und Google vertiefen ihre Partnerschaft bei generativer KI.", "de", ["Zalando"]),
    ("Der Energiekonzern EnBW liefert Strom.", "de", ["EnBW"]),
    # A brand opening with one lower-case letter before a capital.
    ("mBank podpisał umowę z Google Cloud.", "pl", ["mBank"]),
    # A quoted opening name may hold lower-case words, as Russian writes them.
    ("«Норильский никель» и «Сбер» подписали соглашение о сотрудничестве.", "ru",
     ["Норильский никель"]),
    ("Analysts praised Boyd, a maker of cooling systems.", "en", ["Boyd"]),
    ("Analysts praised Tenstorrent, a developer of RISC-V chips.", "en", ["Tenstorrent"]),
    ("Der Autozulieferer ZF kooperiert mit Qualcomm.", "de", ["ZF"]),
    # Verbs of tying a partnership.
    ("Renault et Mistral AI ont noué un partenariat.", "fr", ["Renault"]),
    ("Ferrari e IBM hanno stretto un accordo.", "it", ["Ferrari"]),
    ("Repsol y Microsoft han sellado una alianza.", "es", ["Repsol"]),
    # German: one company, its verb and a word for "with" before a known one.
    ("Porsche kooperiert mit Nvidia bei KI-Systemen.", "de", ["Porsche"]),
    # Verbs of concluding a deal.
    ("Allianz struck a deal with OpenAI.", "en", ["Allianz"]),
    ("Iberia cerró un acuerdo con Google.", "es", ["Iberia"]),
    ("Ferrero ha siglato un accordo con Microsoft.", "it", ["Ferrero"]),
    ("Decathlon a conclu un accord avec Mistral AI.", "fr", ["Decathlon"]),
    ("Aeroflot zawarł umowę z Microsoftem.", "pl", ["Aeroflot"]),
    ("Аэрофлот заключил соглашение с Яндексом.", "ru", ["Аэрофлот"]),
    ("Аэрофлот и Т-Банк договорились о сотрудничестве.", "ru", ["Аэрофлот", "Т-Банк"]),
    # A Romance particle joins a name's capitalised words.
    ("Caisse des Dépôts a signé un accord avec Mistral AI.", "fr", ["Caisse des Dépôts"]),
    ("Banco de Sabadell firmó un acuerdo con OpenAI.", "es", ["Banco de Sabadell"]),
    # A name in Chinese characters or katakana opening the sentence, ending in a word for
    # a kind of company, before its doer's particle or its verb.
    ("住友商事はOpenAIと提携した。", "ja", ["住友商事"]),
    ("浦发银行与百度签署合作协议。", "zh", ["浦发银行"]),
    ("우리은행은 마이크로소프트와 협력한다.", "ko", ["우리은행"]),
    # Its first letters may be Latin capitals.
    ("SK브로드밴드는 오픈AI와 협력한다.", "ko", ["SK브로드밴드"]),
    # One in Latin letters, a known company right after its particle.
    ("ZOZOはエヌビディアと提携した。", "ja", ["ZOZO"]),
    ("ZOZOは米エヌビディアと提携した。", "ja", ["ZOZO"]),
    # zh: a name in Chinese characters after a word for investing or buying and 了.
    ("阿里巴巴投资了智元机器人，金额未披露。", "zh", ["智元机器人"]),
    ("美团收购了光年之外的全部权益。", "zh", ["光年之外"]),
    # ja: a name in katakana after a word for a startup, before its particle and verb.
    ("KDDIは新興企業のエクサウィザーズを買収した。", "ja", ["エクサウィザーズ"]),
    ("大和証券はAIスタートアップのカラクリに出資したと発表した。", "ja", ["大和証券", "カラクリ"]),
    # zh: the buyer opening the sentence before a word for "from" and the seller.
    ("小鹏汽车向地平线公司采购了一批芯片。", "zh", ["小鹏汽车", "地平线公司"]),
    # The one supplied, after a word for "to" following a verb of supplying.
    ("Vultr will provide GPU capacity to Hebbia under a new contract.", "en",
     ["Vultr", "Hebbia"]),
    ("Cerebras signed a deal to supply its systems to Core42.", "en", ["Core42"]),
    # A complement between the word for a company and the name.
    ("Amadeus ha adquirido la empresa de pagos Voxel.", "es", ["Amadeus", "Voxel"]),
    ("Nvidia compró la startup de inteligencia artificial Lepton.", "es", ["Lepton"]),
    ("Capgemini a racheté la société d'analyse Syniti.", "fr", ["Syniti"]),
    ("Enel ha acquisito la società di consulenza Verdi.", "it", ["Enel", "Verdi"]),
    # Words for a kind of business.
    ("Sngular ha adquirido la consultora de inteligencia artificial Kunlabs.", "es",
     ["Sngular", "Kunlabs"]),
    ("Der Discounter Lidl kooperiert mit Google.", "de", ["Lidl"]),
    ("The insurer Aviva signed a deal with Anthropic.", "en", ["Aviva"]),
    ("Der Versicherer Ergo kooperiert mit Google.", "de", ["Ergo"]),
    ("Страховщик «Ренессанс» заключил соглашение с Яндексом.", "ru", ["Ренессанс"]),
    # A word for a bank is no mark: it is often the name's own first word.
    ("Bank Pekao podpisał umowę z Google Cloud.", "pl", ["Bank Pekao"]),
    # A word for a deal and one for "with" right before the name.
    ("Nebius has agreed a new GPU contract with Shopify.", "en", ["Shopify"]),
    ("Mercadona firmó un acuerdo con Glovo.", "es", ["Mercadona", "Glovo"]),
    ("Le groupe a signé un contrat avec Doctolib.", "fr", ["Doctolib"]),
    # A complement of two particles' words.
    ("Telefónica invertirá en la startup de centros de datos Nabiax.", "es", ["Nabiax"]),
    # Opening the sentence before a verb of completing.
    ("Swisscom ha completato l'acquisizione di Vodafone Italia.", "it",
     ["Swisscom", "Vodafone Italia"]),
    ("Wolfspeed completed the sale of its RF business to MACOM.", "en", ["Wolfspeed", "MACOM"]),
    # A word for a subsidiary.
    ("Atos a cédé sa filiale Worldgrid à Alten.", "fr", ["Worldgrid", "Alten"]),
    ("The group sold its subsidiary Worldgrid to Alten.", "en", ["Worldgrid", "Alten"]),
    # The company a stake is told of, after a percentage and a word for "of".
    ("Eni ha ceduto il 10% di Plenitude al fondo Ares.", "it", ["Plenitude", "Ares"]),
    ("SoftBank acquired 40% of Zetta Labs for $1 billion.", "en", ["Zetta Labs"]),
    # German: a word for a company between "with" and the known company.
    ("Die Ergo arbeitet künftig mit dem KI-Unternehmen Anthropic zusammen.", "de", ["Ergo"]),
])
def test_a_side_is_the_name_its_mark_stands_next_to(sentence, lang, want):
    assert sides(sentence, lang, marked=want) == want


@pytest.mark.parametrize(("sentence", "lang"), [
    # Only a preposition before a place: no mark.
    ("Microsoft will invest $10 billion in Portugal.", "en"),
    # A lower-case word after the name makes it a modifier.
    ("Crusoe bought Texas land for $100 million.", "en"),
    ("Crusoe sold Texas land to investors for $100 million.", "en"),
    ("Oracle will buy Blackwell chips worth $40 billion.", "en"),
    ("Qualcomm said it would buy Alphawave's parent for $2.4 billion.", "en"),
    # A weekday after a word for a company (AP style), a stop word after a buying word.
    ("The company Tuesday raised $100 million.", "en"),
    ("Microsoft bought GPUs and The Information reported it.", "en"),
    # A name the pattern would cut short.
    ("Nvidia agreed to acquire Run:ai for $700 million.", "en"),
    # German capitalises every noun: only a word for a company marks a name there, and a
    # time word or a figure's noun after it is none.
    ("Nvidia übernimmt das Unternehmen Lepton für mehrere hundert Millionen Dollar.", "de"),
    ("Siemens hat den Anbieter Ende 2024 übernommen.", "de"),
    ("Der Hersteller Milliarden Dollar investiert.", "de"),
    # Nor does opening a sentence there, with no known company listed with the name.
    ("Zalando und Otto vertiefen ihre Partnerschaft.", "de"),
    ("Zalando vertieft die Partnerschaft mit Otto.", "de"),
    # A place is no company, whatever marks it.
    ("Google i Polska podpisały memorandum o współpracy.", "pl"),
    ("France signed an agreement with Mistral AI.", "en"),
    # Buying is no verb that marks an opening name: what two buy may be anything.
    ("Pimco and BlackRock bought bonds issued to fund the project.", "en"),
    # A particle with no verb of the marks after it, or one past the sentence's end.
    ("エヌビディアはOpenAIとEnfabricaの技術を比べた。", "ja"),
    ("エヌビディアはEnfabricaを評価した。買収は未定だ。", "ja"),
    # A short word after the noun is no adjective; English puts it before the noun.
    ("La startup de Bernard Arnault y Xavier Niel.", "es"),
    ("The startup founded Crusoe Labs.", "en"),
    # German: the company after the word for "with" not a known one.
    ("Forscher kooperiert mit Zalando bei KI-Systemen.", "de"),
    # A kind of company described, not named; hiragana ends a name.
    ("大手銀行はエヌビディアと提携した。", "ja"),
    ("米国の大手銀行はOpenAIと提携した。", "ja"),
    # A noun before "supply" is no supplier.
    ("Memory supply deals with Nvidia were signed.", "en"),
    ("Memory supplies remain tight as Nvidia signed deals.", "en"),
    # "Si tratta di …" ("it is about"): no verb of talks.
    ("Si tratta di un accordo con Microsoft da 1 miliardo.", "it"),
    # Buying from suppliers, no name.
    ("百度向多家供应商采购了芯片。", "zh"),
    # A bank for AI is a kind, not a name.
    ("AI은행은 오픈AI와 협력한다.", "ko"),
    ("多家银行与百度签署合作协议。", "zh"),
    ("시중은행은 마이크로소프트와 협력한다.", "ko"),
    ("ZOZOはAIの研究を進めている。", "ja"),
    # A raising word after a name that does not open the sentence.
    ("After the deal, analysts said Crusoe raised prices.", "en"),
    # zh: no name without 了 after the verb, nor a figure, a pronoun or 的.
    ("腾讯投资了数十亿元，用于建设数据中心。", "zh"),
    ("腾讯投资了这家公司，金额未披露。", "zh"),
    ("腾讯收购了对方的股份。", "zh"),
    ("在谈判中，亚马逊的投资规模成为重点。", "zh"),
    ("在第二次投资的谈判过程中，双方讨论了芯片。", "zh"),
    # What a verb of supplying gives "to" is no company: a model, a modifier.
    ("Amazon will provide access to Claude through Bedrock.", "en"),
    ("Nvidia will supply chips to Texas data centers.", "en"),
    # In pl and ru a name after a word for "with" is inflected: no mark there.
    ("Orlen podpisał umowę z Shopify.", "pl"),
    # A place after a word for a deal and one for "with".
    ("Officials reached an agreement with France on AI rules.", "en"),
    ("Nvidia reached an agreement with Riyadh on chip exports.", "en"),
    # A percentage of a company's shares: the name qualifies them.
    ("It sold 10% of Zetta shares last year.", "en"),
    # A complement with a capital is no complement: the name then is no company's.
    ("La startup de Bernard Arnault firmó un acuerdo.", "es"),
])
def test_no_side_without_its_mark(sentence, lang):
    assert sides(sentence, lang) == []


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Nscale raised $1.1 billion in a Series B round led by Aker.", "en"),
    ("Nscale a levé 1,1 milliard de dollars lors d'un tour mené par Aker.", "fr"),
    ("Nscale ha raccolto 1,1 miliardi di dollari in un round guidato da Aker.", "it"),
    ("Nscale pozyskał 1,1 mld dolarów w rundzie prowadzonej przez Aker.", "pl"),
])
def test_a_rounds_lead_is_an_investor(sentence, lang):
    got = [(sentence[s:e], role) for s, e, role in unknown.sides(sentence, [], lang)]
    assert ("Aker", "investor") in got
    assert all(role is None for name, role in got if name != "Aker")


@pytest.mark.parametrize(("sentence", "lang", "investors"), [
    # Leads listed after a word for "and".
    ("Lambda raised $480 million in a round co-led by Andra Capital and SGW.", "en",
     ["Andra Capital", "SGW"]),
    # A word for a fund or an investor right before the name.
    ("Synerise raised $8.5 million from the fund OTB Ventures.", "en", ["OTB Ventures"]),
    ("Synerise pozyskał 8,5 mln dolarów od funduszu OTB Ventures.", "pl", ["OTB Ventures"]),
    ("Pasqal a levé 100 millions d'euros auprès du fonds Eurazeo.", "fr", ["Eurazeo"]),
    # Followed by its own verb: no modifier.
    ("Fundusz Inovo Venture Partners poprowadził rundę finansowania.", "pl",
     ["Inovo Venture Partners"]),
])
def test_other_investors_marked(sentence, lang, investors):
    got = [(sentence[s:e], role) for s, e, role in unknown.sides(sentence, [], lang)]
    assert [name for name, role in got if role == "investor"] == investors


@pytest.mark.parametrize(("sentence", "lang"), [
    # (Not after "led by", where a lead listed after "and" is marked: "from" marks none.)
    ("Cerebras raised $1.1 billion from Fidelity and Atreides Management, "
     "valuing the company at $8.1 billion.", "en"),
    ("Mistral AI a levé 1,7 milliard d'euros auprès d'ASML et Atreides Management, "
     "valorisant la société à 11,7 milliards.", "fr"),
])
def test_a_deal_verb_after_the_comma_makes_no_apposition(sentence, lang):
    # "Wayve, a British startup" names Wayve; ", valuing the company" is the deal's object.
    assert "Atreides Management" not in sides(sentence, lang)


def test_a_word_for_the_company_telling_the_news_makes_no_apposition():
    # ", the company said" names the teller (deals.toml teller_after), not the place.
    assert sides("Google will invest £5bn in the UK over the next two years, including a new "
                 "data centre in Waltham Cross, the company said.") == []
    assert sides("Nvidia invested $500 million in Wayve, the British startup.",
                 marked=["Wayve"]) == ["Wayve"]


def test_a_known_name_is_no_side():
    sentence = "AMD acquired ZT Systems for $4.9 billion."
    assert sides(sentence, known=[(0, 3), (13, 23)]) == []


def test_a_word_of_the_lexicon_opening_a_sentence_is_no_name():
    # Before a comma and a word for a company, as "Wayve, a British startup" is.
    sentence = "Separatamente, la società ha annunciato un accordo con Nokia."
    nokia = sentence.index("Nokia")
    assert unknown.sides(sentence, [(nokia, nokia + 5)], "it") == []
    assert unknown.sides("Wayve, una startup britannica, ha raccolto fondi.", [], "it") == [
        (0, 5, None)]
