"""Word and phrase pools, sizes and column lists of the synthetic national dataset."""

N_REGIONS, N_MUNICIPALITIES, N_PROVIDERS = 42, 340, 4000
LAT, LON = (50.8, 53.4), (3.4, 7.1)
COLUMNS = {  # file: columns, exactly as DESIGN.md §4 lists them
    "regions.csv": "region_id region_name municipality_code municipality_name",
    "postcodes.csv": "pc4 municipality_code latitude longitude",
    "teams.csv": "team_id name kind municipality_code pc4 address phone email website "
    "opening_hours",
    "profiles.csv": "region_id profile_code name_nl name_en description_nl description_en",
    "intensities.csv": "region_id intensity_code name_nl name_en description_nl description_en "
    "sort_order",
    "providers.csv": "provider_id name kvk agb website email phone description_nl description_en "
    "languages min_age max_age care_forms",
    "locations.csv": "provider_id location_id name street house_number postcode city latitude "
    "longitude wheelchair_accessible",
    "contracts.csv": "region_id provider_id segment profile_code intensity_code valid_from "
    "valid_to role main_contractor_id",
    "tariffs.csv": "region_id segment profile_code intensity_code provider_id tariff_eur unit "
    "valid_from valid_to",
    "outcomes.csv": "region_id provider_id period profile_code intensity_code closed_trajectories "
    "goal_attainment_pct dropout_pct satisfaction_youth satisfaction_youth_n "
    "satisfaction_parents satisfaction_parents_n",
    "norms.csv": "region_id intensity_code goal_attainment_min_pct dropout_max_pct "
    "satisfaction_min",
    "waittimes.csv": "region_id provider_id profile_code weeks confirmed_on",
}
Rows = list[list[object]]


def words(text: str) -> list[str]:
    """Word pools are '|'-separated text, which the formatter keeps compact."""
    return [word.strip() for word in text.strip().split("|")]


def table(text: str) -> list[list[str]]:
    """Phrase pools are text, one entry a line with '|' between its fields."""
    return [line.split("|") for line in text.strip().splitlines()]


PLACE_HEADS = words("""
Berken|Elzen|Wilgen|Haver|Vlas|Hazel|Lijster|Reiger|Kievit|Mussen|Uilen|Vossen|Dassen|Bever|Otter|
Eiken|Linden|Beuken|Hulst|Brem|Heide|Riet|Klaver|Varen|Mos|Zand|Klei|Veen|Kiezel|Turf
""")
PLACE_TAILS = words("dam|dijk|broek|horst|hoven|rade|wolde|meer|zijl|loo|kerk|wijk|veld|berg|hem")
STREETS = words("""
Dorpsstraat|Kerkstraat|Molenweg|Stationsplein|Schoolstraat|Julianalaan|Parkweg|Havenkade|
Lindelaan|Zuiderweg|Marktplein|Beatrixstraat
""")
ORG_HEADS = words("""
Het Anker|De Vlinder|Kompas|De Brug|Horizon|De Wending|Zonnebloem|Kameleon|De Linde|Het Baken|
Stapsgewijs|Veerkracht|Samen Sterk|De Kern|Lichtpunt|De Sprong|Groeikracht|Het Nest|Koers
""")
ORG_KINDS = words("""
Jeugdhulp|Jeugdzorg|Kinderpraktijk|Gezinsbegeleiding|Behandelcentrum|Jeugd-GGZ|Orthopedagogen|
Zorgboerderij
""")
# Profiles: name nl|en, what it helps with nl|en (also the providers' specialisms).
PROFILES = table("""
Angst en somberheid|Anxiety and low mood|angst of somberheid|anxiety or low mood
Gedrag|Behaviour|boosheid en gedragsproblemen|anger and behaviour problems
Ontwikkeling|Development|autisme of ADHD|autism or ADHD
Trauma en hechting|Trauma and attachment|trauma of hechtingsproblemen|trauma or attachment problems
Eten|Eating|een eetstoornis|an eating disorder
Verslaving|Addiction|verslaving aan middelen of gamen|addiction to drugs or gaming
LVB|Mild intellectual disability|licht verstandelijke beperking (LVB)|mild intellectual disability
Opvoeden|Parenting|vragen over opvoeden|questions about parenting
Scheiding|Divorce|een moeilijke scheiding|a difficult divorce
School|School|schoolweigering of schooluitval|school refusal or dropping out
Zelfbeschadiging|Self-harm|zelfbeschadiging of suïcidale gedachten|self-harm or suicidal thoughts
Psychose|Psychosis|een psychose of verwarring|psychosis or confusion
Gezin in crisis|Family in crisis|een crisis thuis|a crisis at home
""")
# Intensities: name nl|en, duration nl|en, unit of the tariff.
INTENSITIES = table("""
Kort en licht|Short and light|tot 3 maanden, af en toe|up to 3 months, now and then|traject
Kort en intensief|Short and intensive|tot 3 maanden, elke week|up to 3 months, every week|traject
Lang en licht|Long and light|langer dan 3 maanden, af en toe|over 3 months, now and then|maand
Lang en intensief|Long and intensive|langer dan 3 maanden, elke week|over 3 months, every week|jaar
""")
# Care forms: form, chance that a provider offers it, sentence nl|en.
CARE_FORMS = table("""
ambulant|0.85|Ambulante hulp, bij u thuis of op school.|Outpatient help, at home or at school.
dagbehandeling|0.2|Dagbehandeling in kleine groepen.|Day treatment in small groups.
verblijf|0.12|Verblijf in een kleine woongroep.|Residential care in a small group home.
pleegzorg|0.08|Pleegzorg: we begeleiden pleeggezinnen.|Foster care: we support foster families.
online|0.35|Gesprekken kunnen ook online.|Sessions are also available online.
crisis|0.1|Bij crisis zijn we dag en nacht bereikbaar.|In a crisis we can be reached day and night.
""")
EXTRAS = table("""
We werken met het hele gezin.|We work with the whole family.
Ouders en school doen mee.|Parents and school take part.
Met ervaringsdeskundigen in het team.|With experts by experience on the team.
Een eerste gesprek kan snel.|A first talk can be arranged quickly.
We werken met EMDR, CGT en systeemtherapie.|We use EMDR, CBT and family therapy.
""")
LANGUAGES = words("en|tr|ar|pl|uk|de|fr|es|so|ti|fa")  # spoken besides Dutch
TEAM_KINDS = {"lokaal_team": "Lokaal team", "ouder_kindteam": "Ouder-kindteam", "cjg": "CJG"}
TEAM_KINDS |= {"gebiedsteam": "Gebiedsteam", "wijkteam": "Wijkteam", "other": "Jeugdpunt"}
