"""The cue patterns the pipeline's rule components use (saved with the pipeline as JSON).

Targets (what a claim is about: an amount, a percent, a streak, a rank) and modifiers (hedge,
direction, metric, week) are kept apart, as in medspaCy's target matcher and ConText.
"""
from __future__ import annotations

_ORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|"
    r"twenty-second|twenty-third|twenty-fourth|twenty-fifth|\d{1,2}(?:st|nd|rd|th)|\d{1,2}\.(?=\s+(?:consecutive|straight|successive)\b)"
)
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_CARD = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"

# data sources whose counts are not CoinShares' weekly fund flows (US spot ETF trackers, on-chain
# and derivatives data)
_SOURCES = (r"Farside(?:\s+Investors)?|SoSoValue|CoinGlass|Glassnode|CryptoQuant|Lookonchain|Arkham(?:\s+Intelligence)?"
            r"|K33(?:\s+Research)?|Bloomberg\s+Intelligence|Kaiko|Dune(?:\s+Analytics)?|Santiment|Nansen|Coinalyze|Velo\s+Data")

# a trading day named with a figure, not the start of a date ("on Monday, January 26")
_WORKDAY = rf"(?:Mon|Tues|Wednes|Thurs|Fri)day\b(?![,\s]+(?:{MONTH_NAMES}|\d))"

DEFAULT_PATTERNS: dict[str, str] = {
    # --- targets --------------------------------------------------------------------------------
    # a cheap pre-check: the streak pattern is only run on sentences where this one matches
    "streak_gate": r"week|days",
    "streak": (
        rf"\b(?:(?:a|an|the|its|their|his|her)\s+)?(?P<ord>{_ORD})\s+(?:consecutive|straight|successive|back-to-back|continuous|uninterrupted)\s+(?:losing\s+|winning\s+|negative\s+|positive\s+)?weeks?\b"
        rf"|\b(?P<ord2>{_ORD})\s+(?:(?P<dir2>inflows?|outflows?|losing|winning|negative|positive)\s+)?week\s+(?:in\s+a\s+row|running)\b"
        rf"|\b(?P<card>{_CARD})\s+(?:consecutive|straight|successive)\s+weeks\b"
        rf"|\b(?P<card2>{_CARD})\s+weeks\s+(?:in\s+a\s+row|consecutive(?:ly)?)\b"
        # "in each of the last five weeks", "every one of the past four weeks"
        rf"|\b(?:each|every(?:\s+one)?)\s+of\s+the\s+(?:last|past|previous|prior)\s+(?P<card11>{_CARD})\s+weeks\b"
        rf"|\b(?P<card14>{_CARD})\s+(?:straight\s+|consecutive\s+)?weeks\s+of\s+(?:net\s+|steady\s+)?(?P<dir14>inflows?|outflows?|buying|selling|red|green|bleeding|gains|losses)\b"
        rf"|\b(?:(?:their|its|the)\s+)?first\s+(?:net\s+|weekly\s+)?(?P<first_dir>inflows?|outflows?|red\s+week|green\s+week|negative\s+week|positive\s+week|losing\s+week|winning\s+week)\s+(?:in|after)\s+(?P<card3>{_CARD})\s+(?:straight\s+|consecutive\s+)?weeks\b"
        rf"|\b(?:ended|ending|ends|end|snapped|snapping|snaps|snap|broke|breaking|breaks|break|halted|halting|halts|halt)\s+(?:(?:a|an|its|their|the)\s+)?(?P<card4>{_CARD})[\s-]weeks?\s+(?:(?:of\s+)?(?P<end_dir>inflows?|outflows?|losing|winning)\s*)?(?:run|streak)\b"
        rf"|\b(?:stretch(?:es|ed)?|extend(?:s|ed)?)\s+to\s+(?P<card5>{_CARD})\s+weeks\b"
        # "fifth week of entries", "its ninth weekly inflow in a row", "second week of outflows"
        rf"|\b(?:(?:a|an|the|its|their)\s+)?(?P<ord3>{_ORD})\s+(?:straight\s+|consecutive\s+|successive\s+)?(?:week\s+of|weekly)\s+(?:net\s+)?(?P<dir3>inflows?|outflows?|entries|exits|redemptions|withdrawals|gains?|loss(?:es)?)\b"
        # "the fourth week in succession", "the second week consecutive", "the fourth week negative"
        rf"|\b(?:(?:a|an|the|its|their)\s+)?(?P<ord4>{_ORD})\s+week\s+(?:in\s+succession|consecutive|(?P<dir4>negative|positive|in\s+the\s+(?:red|green)))\b"
        # "for a second week", "stretch to a fifth week", "stretch to fourth week"
        rf"|\b(?:for|to|reach(?:es|ed)?|enter(?:s|ed|ing)?|into|hits?|hitting)\s+(?:a|the|its|their)?\s*(?P<ord5>(?!first){_ORD})\s+(?:straight\s+|consecutive\s+)?week\b(?!\s+of\s+(?:{MONTH_NAMES}|the\s+year|20\d\d))"
        # "extending a losing streak to five weeks", "the streak ... stands at four weeks", "inflows run to six weeks"
        rf"|\b(?:streak|run)\s+(?:[\w-]+\s+){{0,4}}?(?:to|at|of)\s+(?P<card6>{_CARD})\s+(?:straight\s+|consecutive\s+)?weeks\b"
        # "SIX-WEEK INFLOW RUN ENDS"
        rf"|\b(?:an?\s+|the\s+|its\s+)?(?P<card7>{_CARD})[\s-]weeks?\s+(?P<end_dir2>inflows?|outflows?|losing|winning)\s+(?:run|streak)\s+(?:ends|ended|snapped|broke|halted)\b"
        # "ended a run of three straight weeks of inflows"
        rf"|\b(?:ended|ending|ends|snapped|snapping|broke|breaking|halted|halting|interrupt(?:s|ed|ing)?)\s+(?:a|an|its|their|the)\s+(?:run|streak|series)\s+of\s+(?P<card9>{_CARD})\s+(?:straight\s+|consecutive\s+|successive\s+)?"
        r"(?:(?:(?P<end_adj>positive|negative|winning|losing)\s+)?weeks\s+of\s+(?:net\s+)?(?P<end_dir3>inflows?|outflows?|entries|exits)\b|(?P<end_adj2>positive|negative|winning|losing)\s+weeks\b)"
        # "a record weekly outflow that snapped six straight weeks of inflows"
        rf"|\b(?:ended|ending|ends|snapped|snapping|broke|breaking|halted|halting|interrupted|interrupting)\s+(?:(?:a|an|its|their|the)\s+)?(?P<card10>{_CARD})\s+(?:(?:straight|consecutive|successive)\s+)?weeks\s+of\s+(?:net\s+)?(?P<end_dir4>inflows?|outflows?)\b"
        # "the outflows came after six weeks of inflows"
        # (and "after a streak of nine weeks of exits that was cut in April")
        rf"|\b(?:(?:came|comes|coming|follow(?:s|ed|ing)?)\s+after|after\s+(?:(?:a|an)\s+(?:streak|run|series)\s+of\s+)?)\s*(?P<card13>{_CARD})\s+(?:(?:straight|consecutive|successive)\s+)?weeks\s+of\s+(?:net\s+)?(?P<end_dir6>inflows?|outflows?|entries|exits)\b"
        # "ended the streak of inflows which had lasted for seven consecutive weeks"
        rf"|\b(?:ended|ending|ends|snapped|snapping|broke|breaking|halted|halting|interrupted|interrupting)\s+(?:a|an|its|their|the)\s+(?:run|streak|series)\s+of\s+(?P<end_dir5>inflows?|outflows?)\s+(?:which|that)\s+(?:had\s+)?(?:lasted|run|ran)\s+(?:for\s+)?(?P<card12>{_CARD})\s+(?:(?:straight|consecutive|successive)\s+)?weeks\b"
        # "the five-week outflow run (that ended in late February)"
        rf"|\b(?:the|a|an|its|their)\s+(?P<card8>{_CARD})[\s-]weeks?\s+(?P<dir8>inflows?|outflows?|losing|winning)\s+(?:run|streak)\b(?!\s+(?:ends|ended|snapped|broke|halted))"
        rf"|\b(?P<days>{_CARD})\s+(?:(?:consecutive|straight)\s+(?:trading\s+)?days\b|(?:trading\s+)?days\s+in\s+a\s+row\b|(?:trading\s+)?days\s+of\s+(?:\w+\s+)?(?:outflows?|inflows?)\b)"
    ),
    "rank": (
        rf"\b(?:(?:the|its|their|a|an)\s+)?(?:(?:market's|sector's|{_ORD})[\s-]+)?(?P<sup>largest|biggest|highest|lowest|smallest|strongest|weakest|heaviest|worst|best|steepest|deepest|longest|(?<=\bthe\s)most|(?<=\bits\s)most)\b"
        # (not the asset's size: "Bitcoin, the largest cryptocurrency by market value,", "the biggest coin,")
        r"(?!\s+(?:by\s+(?:market\s+)?(?:cap\b|capitali[sz]ation|value)|(?:crypto(?:currenc(?:y|ies))?|coins?|tokens?|(?:crypto|digital)\s+(?:assets?|currenc(?:y|ies)))\s*+(?:by\b|,|$)))"
        rf"(?P<tail>[^.;!?\n]{{0,70}}?)(?P<anchor>\bsince\s+(?:the\s+)?(?:(?:mid|early|late|start\s+of|end\s+of|beginning\s+of)[\s-]*)?(?:\w+\s+){{0,2}}?(?:{MONTH_NAMES}|crash|\d{{4}})(?:\s+\d{{4}})?(?:\s+crash)?"
        r"|\bin\s+(?:\w+\s+)?(?:months|weeks)\b|\bof\s+any\s+(?:other\s+)?(?:major\s+)?(?:single\s+)?(?:assets?|altcoins?|coins?|tokens?|product\s+types?|products?|countr(?:y|ies)|regions?|providers?|issuers?)\b|\b(?:of|in|for)\s+(?:the\s+|this\s+)?(?:year|20\d\d)(?:\s+(?:so\s+far|to\s+date))?\b|\bon\s+record\b|\ball[\s-]time\b|\bin\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?history\b|\bever\b"
        # "the biggest weekly haul of May", "since US spot bitcoin ETFs launched"
        rf"|\b(?:of|in)\s+(?:{MONTH_NAMES})(?:\s+20\d\d)?\b"
        r"|\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:launched|began|started|debuted|launch|inception)\b)"
        r"|\b(?:(?:a|the|new)\s+)?(?<!\bfunds\s)(?<!\bproducts\s)(?<!\betps\s)(?<!\betfs\s)record\s+(?=(?:weekly\s+|single-week\s+|net\s+)?(?:(?:US\$|\$|USD)\s?\d|\d[\d.,]*\s?(?:billion|million|bn|mn)\b))"
        # (not the verb: "did not record outflows", "to record inflows")
        r"|\b(?:(?:a|the|new)\s+)?(?<!\bnot\s)(?<!\bto\s)(?<!\bdid\s)(?<!n't\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bfunds\s)(?<!\bproducts\s)(?<!\betps\s)(?<!\betfs\s)(?<!\binvestors\s)record(?:-breaking|-setting)?\s+(?:weekly\s+|single-week\s+|net\s+)?(?:inflows?|outflows?|exits?|redemptions?|withdrawals?|hauls?)\b"
        r"|\b(?:record|all-time)\s+(?:weekly\s+)?(?:high|low)\b"
        # "Smash Weekly Record", "set a new record", "$706.5M, also a record"
        r"|\b(?:smash(?:es|ed|ing)?|shatter(?:s|ed|ing)?|br(?:eak|eaks|oke|eaking)|set(?:s|ting)?|post(?:s|ed|ing)?)\s+(?:(?:a|an|the|its|their|another)\s+)?(?:own\s+|previous\s+|prior\s+|old\s+)?(?:new\s+)?(?:all[\s-]time\s+)?(?:weekly\s+)?records?\b(?!\s+(?:high|low|of\s+(?:US)?\$|\$))"
        r"|\b(?:also\s+)?(?:a|another)\s+(?:new\s+)?record\b(?=\s*(?:[.;!]|$))"  # only after a comma: rules.find_targets
        # "in Record Week", "the record week" (of flows; not "record weekly volume", read above)
        r"|\b(?:(?:a|the|new)\s+)?record(?:-breaking|-setting)?\s+weeks?\b"
        r"|\b(?:a|an|new|fresh)\s+(?:20\d\d|year-to-date|YTD|multi-month|\w+-month|\w+-week|yearly|annual)\s+(?:high|low)\b"
    ),
    "percent": r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|per\s+cent\b)",
    # --- modifiers ------------------------------------------------------------------------------
    "outflow": (
        r"\bnet\s+sellers?\b|"
        r"\b(?:out-?flows?|net\s+outflows?|redemptions?|redeemed|redeem|withdr[ae]w|withdrawn|withdrawals?|withdrawing|shed|sheds|shedding|bled|bleed|bleeding|"
        r"lost|lose|loses|losing|losses|loss|(?:pulled|pulling|pulls|pull)(?!\s+in\b)|exodus|left|leaving|leaves|exited|exits?|exiting|sold|selling|sell-off|selloff|"
        r"drain(?:ed|ing|s)?|dumped|fled|fleeing|flight|taken\s+out|took\s+out|out\s+of|negative|deficit|hemorrhag\w*|yanked|gave\s+up|"
        r"headed\s+the\s+other\s+way|offloaded|liquidated|reduced|cut|shrinking|dropped|outgoing|in\s+the\s+red|leave(?!\s+(?:rates|interest|policy|unchanged|it|them)\b))\b|(?<!\w)down\s+(?=(?:US\$|\$|USD))"
    ),
    "inflow": (
        r"\bnet\s+buyers?\b|"
        r"\b(?:in-?flows?|net\s+inflows?|influx|attract(?:ed|s|ing)?|add(?:ed|s|ing)?(?!\s+up\b)|drew|draws?|drawn|drawing|pour(?:ed|ing|s)?|pump(?:ed|ing)|"
        r"gained|gaining|took\s+in|taken\s+in|takes\s+in|taking\s+in|into|invested|injection|injected|positive|contribut(?:ed|ing|es)|brought|bringing\s+in|(?:pulled|pulling|pulls|pull)\s+in|flow(?<!\bcould\sflow)(?<!\bwould\sflow)(?<!\bwill\sflow)(?<!\bmay\sflow)(?<!\bmight\sflow)(?<!\bcan\sflow)(?:ed|ing|s)?\s+in(?!to\b)|tossed|"
        r"pocketed|scraped\s+together|came\s+in|coming\s+in|received|raked\s+in|bought|buying|purchases|(?<!\bthe\s)accumulat\w*|absorbed|haul|"
        r"gathered|collected|collects?|collecting|in\s+the\s+plus|netted|welcomed|inbound|entered|entering|entries|rose|climbed|boost(?:ed)?|turned\s+up\s+with|led\s+the\s+line\s+with|swaggered)\b|(?<!\w)(?<!\bgave\s)(?<!\bgive\s)(?<!\bgives\s)(?<!\bgiven\s)(?<!\bgiving\s)up\s+(?=(?:US\$|\$|USD))"
    ),
    "ytd": (
        r"\byear[\s-]to[\s-]date\b|\bYTD\b|\bfrom\s+(?:the\s+)?(?:year(?:['’]s)?\s+(?:beginning|start)|(?:beginning|start)\s+of\s+(?:the\s+)?year)\b|\bsince\s+January\b(?!\s+\d)|\bso\s+far\s+(?:this|in\s+the)\s+year\b|\bso\s+far\s+in\s+20\d\d\b|\bin\s+20\d\d\s+so\s+far\b|"
        r"\bsince\s+the\s+(?:start|beginning|turn)\s+of\s+(?:the\s+)?(?:year|20\d\d)\b|\bthis\s+year\b|\b(?:for|over)\s+the\s+year\b|\bso\s+far\s+this\s+year\b|\bthe\s+whole\s+year\b|"
        r"\baccumulated\s+(?:of|for|in)\s+the\s+year\b|\byear(?<!last\syear)(?<!previous\syear)(?<!prior\syear)'s\s+(?:total|tally)\b|\b20\d\d\s+(?:tally|total)\b|\bfull[\s-]year\b|\bannual\b|\bcumulative\s+funds\b|\bcumulative\s+(?:net\s+)?flows?\b"
    ),
    "mtd": (
        rf"\bmonth[\s-]to[\s-]date\b|\bMTD\b|\b(?:{MONTH_NAMES})(?:['’]s)?\s+(?:net\s+)?(?:in|out)flows\b|\b(?:{MONTH_NAMES})\s+alone\b|\bthis\s+month\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+month|{MONTH_NAMES})\b(?!\s+\d)|\bso\s+far\s+in\s+(?:{MONTH_NAMES})\b|"
        rf"\b(?:in\s+)?(?:{MONTH_NAMES})\s+so\s+far\b|\bmonth\s+so\s+far\b|\bfor\s+the\s+month\b|\bmonthly\b|"
        # "September closed out with roughly $4B of net buying": that month's total
        rf"\b(?:{MONTH_NAMES})\s+(?:closed|ended|finished|wrapped\s+up)(?:\s+out)?\s+with\b|"
        rf"\bin\s+(?:{MONTH_NAMES})(?:\s+20\d\d)?\s*$"
    ),
    "run": (
        rf"\b(?:(?:over|in|across|during|for)\s+)?(?:the\s+)?(?:past|last|previous|prior|preceding)\s+(?P<n1>{_CARD})\s+weeks\b(?!\s+of\s+(?:{MONTH_NAMES}|the\s+year|20\d\d)\b)|"
        rf"\b(?P<n2>{_CARD})[\s-]weeks?\s+(?:of\s+)?(?:run|streak|exodus|total|period|stretch|tally|accumulated|combined|cumulative|spell|sell-off|selloff|wave|losing|winning|selling|buying|outflows?|inflows?|slump|drain|haul|bleed)\b|"
        rf"\b(?:over|across|in|during|throughout)\s+(?:the\s+|those\s+|these\s+)?(?P<n3>{_CARD})\s+(?:consecutive\s+|straight\s+)?weeks\b|\bacross\s+the\s+(?P<n4>{_CARD})\s+weeks\b|"
        rf"\bwindow\s+to\s+(?P<n5>{_CARD})\s+weeks\b|\b(?:in|over|during|across|throughout)\s+the\s+(?P<n6>{_CARD})\s+(?:preceding|previous|prior)\s+weeks\b|"
        # "investors spent six weeks shovelling in $3.8 billion"
        rf"\bspent\s+(?:the\s+)?(?:past\s+|last\s+)?(?P<n8>{_CARD})\s+(?:straight\s+|consecutive\s+)?weeks\b|"
        # "a ninth straight week of inflows that brings the run to $2.2 billion", "the accumulated of the period"
        r"\b(?:bring(?:s|ing)?|brought|tak(?:es|ing)|took|lift(?:s|ed|ing)?|push(?:es|ed|ing)?)\s+(?:the|its|their)\s+(?:run|streak)(?:['’]s\s+total)?\s+to\b|"
        # "extending its run to nine weeks and roughly US$2.2 billion" (not "... to 21 weeks with $16.1 million": that week's)
        r"\bextend(?:s|ed|ing)?\s+(?:the|its|their)\s+(?:run|streak)\s+to\s+(?:[\w-]+\s+){1,2}?weeks?\s+and\b|"
        r"\baccumulated\s+(?:of|for|in)\s+the\s+(?:period|run|streak)\b|"
        # "outflows since May 11": the weeks reported after that day
        rf"\bsince\s+(?P<since>(?:{MONTH_NAMES})\s+\d{{1,2}}(?!\d)(?:,?\s+20\d\d)?|\d{{1,2}}\s+(?:{MONTH_NAMES})(?:\s+20\d\d)?)\b|"
        rf"\brunning\s+tally\b|\bover\s+the\s+(?:past|last)\s+month\b|\bin\s+total\s+over\b|\bthis\s+season\b|\bcumulative(?:ly)?\b|\b(?:over|during|across)\s+(?:the|that|this)\s+(?:run|streak|stretch|spell)\b(?!-)"
        # "since the current inflow run began": the run up to this week
        r"|\bsince\s+the\s+(?:current\s+|latest\s+|recent\s+)?(?:(?:inflow|outflow|losing|winning)\s+)?(?:run|streak)\s+(?:began|started)\b"
        # "roughly $3.7 billion has left since mid-January": a run of weeks whose length the text leaves vague
        rf"|\bsince\s+(?P<since_part>(?:early|mid|late|the\s+(?:middle|end)\s+of)[\s-]*(?:{MONTH_NAMES}))\b(?!\s*\d)"
        # "after three weeks in which funds had pulled in more than $1 billion": the weeks before this one
        rf"|\bafter\s+(?:the\s+)?(?P<n7>{_CARD})\s+(?:straight\s+|consecutive\s+)?weeks\s+(?:in\s+which|during\s+which|when)\b"
        # "Combined with the prior week, roughly $3.2 billion has now left": this week and the one before
        # (not "combined with the prior week's $882 million": that week's own figure)
        r"|\b(?:combined|together|taken\s+together)\s+with\s+(?P<pair>the\s+(?:previous|prior|preceding)\s+week)(?:['’]s\s+(?:net\s+)?(?:in|out)?flows\b|(?!['’]))"
        r"|\bincluding\s+(?P<pair2>the\s+(?:previous|prior|preceding)\s+week)(?:['’]s\s+(?:net\s+)?(?:in|out)?flows\b|(?!['’]))"
    ),
    "aum": r"\bassets\s+under\s+(?:the\s+)?management\b|\b(?:assets\s+)?under\s+(?:management|administration)\b|\bassets?\s+size\b|\boversee(?:s|ing)?\b|\boversaw\b|\bAuM\b|\bAUM\b|\btotal\s+assets\b|\bfund\s+assets\b|\bassets\s+(?:fell|rose|dropped|climbed|stood|sank|slid|shrank)\b|\bholdings\b(?<!\bto\stheir\sholdings)(?<!\bto\sits\sholdings)|\bassets\s+(?:have\s+)?(?:sunk|fallen|risen|grown|shrunk)\b"
           r"|\b(?:in|of)\s+assets\b|\bmanag(?:e|es|ed|ing)\b|\badminister(?:s|ed|ing)?\b|\bassets\s+(?:now\s+)?(?:stand|stood)\b"
           # "Assets in bitcoin products stand at $104bn", "leaving bitcoin assets at $104 billion", "against assets of $2.6bn"
           r"|\bassets\s+in\s+(?:[\w-]+\s+){1,3}?(?:now\s+)?(?:stand|stood|sit|sat)\s+at\b"
           r"|\bassets\s+(?:at|of)\s+(?=(?:about|around|roughly|some|nearly|almost|approximately|over|more\s+than|just\s+(?:over|under))?\s*(?:US\s?)?\$\s?\d)"
           # "XRP-based products hold about $1.42 billion"
           r"|\b(?:hold|holds|held|holding)\s+(?=(?:about|around|roughly|some|nearly|almost|approximately|over|more\s+than|just\s+(?:over|under)|a\s+combined)?\s*(?:US\s?)?\$\s?\d)",
    # a calendar year named with a flow: "in 2025", "over the whole of 2025", "full-year 2024", "set in 2024"
    "year": (
        # (and as translations write it: "by results of the 2025 year")
        r"\b(?:in|for|over|during|throughout|of|set\s+in)\s+(?:the\s+(?:whole|full|entire)\s+(?:of\s+)?|the\s+(?=20\d\d\s+year\b))?(?P<y>20\d\d)\b(?!['’]s|\s*(?:so\s+far|to\s+date))(?:\s+year\b)?"
        r"|\bfull[\s-]year\s+(?P<y2>20\d\d)\b|\b(?:clos(?:e|es|ed|ing)|finish(?:es|ed|ing)?|end(?:s|ed|ing)?|wrap(?:s|ped|ping)?)\s+(?:out\s+)?(?P<y4>20\d\d)\s+with\b|\b(?P<y3>20\d\d)(?:['’]s)?\s+(?:full[\s-]year\s+)?(?:total|haul|record|tally|(?:net\s+)?(?:in|out)?flows|losses)\b|\b(?P<y5>20\d\d)['’]s\s+full[\s-]year\b|\b(?P<y6>20\d\d)\s+in\s+(?:the\s+books|review|numbers)\b"
        # "last year's record of 48.6 billion USD"
        r"|\b(?P<last>(?:last|the\s+previous|the\s+prior)\s+year(?:['’]s)?)(?=\s+(?:record|total|haul|full[\s-]year|inflows?|outflows?)\b)"
        # "XRP gathered $3.6 billion last year" (not "since last year", "the same week last year")
        r"|(?<!\bsince\s)(?<!\bweek\s)(?<!\bperiod\s)(?<!\bmonth\s)(?<!\btime\s)\b(?P<last2>last\s+year)\b(?!['’])"
    ),
    "volume": r"\b(?:trading\s+)?volumes?\b|\bturnover\b|(?<=[\dnmbMB]\s)(?:worth\s+)?traded\b(?!\s+(?:at|near|around|above|below)\b)",  # "$15.3 billion traded"
    # attribution to a data source other than CoinShares' weekly report: "according to Farside
    # Investors data", "per SoSoValue", "CoinGlass figures show" (a news outlet that retells the
    # report, "according to Bloomberg", is not a data source)
    "source": (
        rf"\baccording\s+to\s+(?:(?:data|figures)\s+(?:from|by|compiled\s+by)\s+(?:the\s+)?(?P<src6>{_SOURCES}|Bloomberg)|(?:the\s+)?(?P<src>{_SOURCES}))"
        rf"|\b(?:per|citing|from|by)\s+(?:data\s+(?:from|by|compiled\s+by)\s+)?(?P<src2>{_SOURCES})"
        rf"|\bdata\s+(?:from|by|compiled\s+by)\s+(?P<src3>{_SOURCES}|Bloomberg)"
        rf"|\b(?P<src4>{_SOURCES}|Bloomberg)(?:['’]s?)?\s+(?:data|figures|numbers|tracking|dashboard|tally|count)\b"
        rf"|\b(?P<src7>{_SOURCES}),?\s+whose\s+(?:data|figures|numbers)\b|\(\s*(?P<src8>{_SOURCES})(?:\s+data)?\s*\)"
        # a source tag closing a headline: "... $290M OUTFLOW FRIDAY — FARSIDE"
        rf"|(?<=[—–-]\s)(?P<src5>{_SOURCES})(?=\W*$)"
    ),
    "daily": rf"\bthat\s+day\b|(?<!\bmarkets\s)(?<!\bmarket\s)\bdaily\b(?!:)|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+alone\b|\bin\s+a\s+single\s+day\b|\bper\s+day\b|\bfirst\s+(?:two|three|four)\s+days\b|\bon\s+(?:{MONTH_NAMES})\s+\d{{1,2}}\s+alone\b"
             # "outflows of $315.9 million on Friday", "$290M outflow Friday" (not "CoinShares said on Monday, January 26")
             rf"|(?<=\d)\s*+(?:million|billion|bn|mn|m|b)?\s++(?:(?:in\s+)?(?:net\s+)?(?:inflows?|outflows?)\s+)?(?:on\s+)?{_WORKDAY}"
             rf"|\b(?:inflows?|outflows?|redemptions|withdrawals)\s+on\s+{_WORKDAY}"
             # "Flows on Friday, October 10, were muted", "flows turned positive on Friday", "while on Friday", "Friday alone"
             r"|\b(?:flows?|inflows?|outflows?)\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day\b|\bturned\s+(?:positive|negative)\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day\b"
             r"|\b(?:while|whereas)\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day\b|\b(?:Mon|Tues|Wednes|Thurs|Fri)day\s+(?:alone|itself)\b"
             # "$159 million left the products on Friday" (not "the week that ended on Friday", "said on Tuesday")
             rf"|\b(?:left|exited|entered|came\s+in|went\s+out|flowed\s+(?:in|out)|traded)\s+(?:(?:the|those|these|crypto|digital\s+asset|investment)\s+)*(?:products|funds|ETPs|ETFs)\s+on\s+{_WORKDAY}",
    "share": (
        r"\b(?:of|from)\s+(?:the\s+)?(?:total|all|overall|weekly|week's|combined|global|net)?\s*(?:inflows?|outflows?|withdrawals?|redemptions?|total|flows?|haul|it|that|the\s+total)\b|"
        r"\baccount(?:ed|s|ing)?\s+for\b|\bmade\s+up\b|\bmaking\s+up\b|\bmake\s+up\b|\bshare\b|\bportion\b"
    ),
    "pct_change": r"\b(?:decline|drop|fall|rise|increase|decrease|jump|slump|plunge|surge|gain|fell|rose|dropped|declined|shrunk|shrank|sank|slid|climbed|jumped|increased|decreased|grew|down|up|lower|higher|plunged|surged)\b",
    "not_claim": (
        r"\bprices?\b|\bpriced\b|\btrad(?:ing|ed|es)\s+(?:at|around|near|above|below)\b|\bchanging\s+hands\b|\bclosed\s+at\b|\bbarrel\b|\bper\s+(?:coin|token|share)\b|"
        # (a ranking closed by a comma is no market cap: see rules._RANKED_BY_RE)
        r"\bmarket\s+(?:cap(?:italisation|italization)?|value)\b|"
        r"\bcrypto\s+market\b|\bof\s+value\b|\bleveraged\b|\bopen\s+interest\b|\bliquidat\w*|\bfutures\b|\boptions\b|\bstablecoins?\b|\bvaluation\b|"
        r"\bfunding\s+round\b|\brevenue\b|\bin\s+(?:shorts|longs)\b|"
        # (a company's purchase of coins, "2,500 BTC for about $185 million": rules._COINS_FOR_RE)
        r"\bof\s+(?:long\s+|short\s+|leveraged\s+)?positions\b|\bin\s+(?:leveraged\s+)?(?:long\s+|short\s+)?positions\b|\bwip(?:e|es|ed|ing)\b|"
        r"\bprofits?\b|\bactive\s+addresses\b|\bon-chain\b|\bprice\s+target\b|\bcould\s+(?:flow|bring|double|reach)\b|"
        r"\bestimated\s+that\b|\bforecasts?\b|\bpredict\w*|\bmark\b|\blevel\b(?!\s+since)|\bsupport\b|\bresistance\b|\brall(?:y|ied)\b|\bsettled\s+around\b"
        # a price level: "a high of $111,000", "an all-time high above $111,000", "its peak near $126,000"
        r"|\b(?:high|low|peak)\s+(?:of|above|below|near|around)\b"
    ),
    "price_verb": r"\b(?:quoted|fell|dropped|slid|sank|rose|climbed|jumped|surged|tumbled|plunged|hit|reached|touched|reclaimed|broke|dipped|slipped|slips|traded|trades|recovered|steadied|drops|falls|rises|hovers|hovered|hovering|sits|sat|stood|stands|left\s+it|leaving\s+it)\s+(?:\S+\s+){0,4}?(?:to|below|above|under|over|past|near|around|at)?\s*$",
}
