//! Reference lists for synthetic Thai data: names, companies, vehicles common on Thai roads,
//! colours, plate letters, roads, insurers, incident descriptions and damaged parts.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GivenName {
    pub th: &'static str,
    pub en: &'static str,
    pub gender: Gender,
}

const fn m(th: &'static str, en: &'static str) -> GivenName {
    GivenName {
        th,
        en,
        gender: Gender::Male,
    }
}

const fn f(th: &'static str, en: &'static str) -> GivenName {
    GivenName {
        th,
        en,
        gender: Gender::Female,
    }
}

pub static GIVEN_NAMES: &[GivenName] = &[
    m("สมชาย", "Somchai"),
    m("สมศักดิ์", "Somsak"),
    m("สมพงษ์", "Somphong"),
    m("สมบัติ", "Sombat"),
    m("สมเกียรติ", "Somkiat"),
    m("สมหมาย", "Sommai"),
    m("สมเดช", "Somdet"),
    m("ประเสริฐ", "Prasert"),
    m("ประสิทธิ์", "Prasit"),
    m("วิชัย", "Wichai"),
    m("สุรชัย", "Surachai"),
    m("ชัยวัฒน์", "Chaiwat"),
    m("ณัฐพล", "Nattaphon"),
    m("ณัฐวุฒิ", "Nattawut"),
    m("ธนากร", "Thanakorn"),
    m("ธนพล", "Thanaphon"),
    m("ธนวัฒน์", "Thanawat"),
    m("ธนกฤต", "Thanakrit"),
    m("ธนาธิป", "Thanathip"),
    m("ธีรพงษ์", "Theeraphong"),
    m("ธีรวัฒน์", "Theerawat"),
    m("กิตติพงษ์", "Kittiphong"),
    m("กิตติศักดิ์", "Kittisak"),
    m("อนุชา", "Anucha"),
    m("อนันต์", "Anan"),
    m("อภิชาติ", "Aphichat"),
    m("อดิศักดิ์", "Adisak"),
    m("อำนาจ", "Amnat"),
    m("วีระ", "Weera"),
    m("วีรยุทธ", "Weerayut"),
    m("ศักดิ์ชัย", "Sakchai"),
    m("สุทธิพงษ์", "Sutthiphong"),
    m("ปิยะพงษ์", "Piyaphong"),
    m("พงศกร", "Phongsakorn"),
    m("ภานุวัฒน์", "Phanuwat"),
    m("ภานุพงศ์", "Phanuphong"),
    m("ณรงค์", "Narong"),
    m("บุญเลิศ", "Boonlert"),
    m("บุญชัย", "Boonchai"),
    m("มานพ", "Manop"),
    m("สุเทพ", "Suthep"),
    m("สุริยา", "Suriya"),
    m("เอกชัย", "Ekkachai"),
    m("จักรพันธ์", "Chakkraphan"),
    m("ชาญวิทย์", "Chanwit"),
    m("ศุภชัย", "Supachai"),
    m("ศุภกร", "Supakorn"),
    m("สุรศักดิ์", "Surasak"),
    m("ไพโรจน์", "Phairot"),
    m("ไพศาล", "Phaisan"),
    m("พิชิต", "Phichit"),
    m("ธวัชชัย", "Thawatchai"),
    m("วรวุฒิ", "Worawut"),
    m("นพดล", "Noppadon"),
    m("ปรีชา", "Preecha"),
    m("ชาตรี", "Chatri"),
    m("เกียรติศักดิ์", "Kiattisak"),
    m("ยุทธนา", "Yutthana"),
    m("วิทยา", "Witthaya"),
    m("ศรายุทธ", "Sarayut"),
    m("กฤษดา", "Kritsada"),
    m("ปกรณ์", "Pakorn"),
    m("รัฐพล", "Ratthaphon"),
    m("ศิวกร", "Siwakorn"),
    m("จิรายุ", "Jirayu"),
    m("เฉลิมชัย", "Chalermchai"),
    m("ชัยยศ", "Chaiyot"),
    m("เจษฎา", "Jetsada"),
    m("วสันต์", "Wasan"),
    f("วิไลวรรณ", "Wilaiwan"),
    f("กาญจนา", "Kanchana"),
    f("ปิยะนุช", "Piyanut"),
    f("สมหญิง", "Somying"),
    f("สุภาพร", "Supaporn"),
    f("มาลัย", "Malai"),
    f("นภา", "Napha"),
    f("นภัสสร", "Naphatsorn"),
    f("อรุณี", "Arunee"),
    f("จันทร์เพ็ญ", "Chanpen"),
    f("ศิริพร", "Siriporn"),
    f("ศิริลักษณ์", "Sirilak"),
    f("สุนิสา", "Sunisa"),
    f("วันเพ็ญ", "Wanpen"),
    f("พรทิพย์", "Pornthip"),
    f("รัตนา", "Rattana"),
    f("อัญชลี", "Anchalee"),
    f("เพ็ญศรี", "Pensri"),
    f("สุดารัตน์", "Sudarat"),
    f("ธิดารัตน์", "Thidarat"),
    f("ปวีณา", "Paweena"),
    f("ณัฐธิดา", "Natthida"),
    f("ชลธิชา", "Chonthicha"),
    f("กมลวรรณ", "Kamonwan"),
    f("จิราพร", "Jiraporn"),
    f("นันทนา", "Nanthana"),
    f("ลัดดา", "Ladda"),
    f("บุษบา", "Butsaba"),
    f("อรทัย", "Orathai"),
    f("อรวรรณ", "Orawan"),
    f("อรอุมา", "Onuma"),
    f("ประภาพร", "Praphaporn"),
    f("มณีรัตน์", "Maneerat"),
    f("วรรณา", "Wanna"),
    f("สายสุนีย์", "Saisunee"),
    f("ทิพวรรณ", "Thippawan"),
    f("ปราณี", "Pranee"),
    f("สุมาลี", "Sumalee"),
    f("อำไพ", "Amphai"),
    f("พิมพ์ชนก", "Pimchanok"),
    f("ณัฐชา", "Natcha"),
    f("กัญญารัตน์", "Kanyarat"),
    f("ปาริชาติ", "Parichat"),
    f("ศศิธร", "Sasithorn"),
    f("ธนพร", "Thanaporn"),
    f("เบญจวรรณ", "Benjawan"),
    f("อุไรวรรณ", "Uraiwan"),
    f("ดวงใจ", "Duangjai"),
    f("นิตยา", "Nittaya"),
    f("วาสนา", "Wassana"),
    f("สุกัญญา", "Sukanya"),
    f("รุ่งนภา", "Rungnapha"),
    f("จุฑามาศ", "Juthamas"),
    f("ชุติมา", "Chutima"),
    f("พัชรี", "Phatcharee"),
    f("เยาวลักษณ์", "Yaowalak"),
    f("ลำดวน", "Lamduan"),
    f("อัมพร", "Amporn"),
    f("ขวัญใจ", "Khwanjai"),
    f("สิริกาญจน์", "Sirikan"),
    f("ภัทรา", "Phattra"),
    f("กนกวรรณ", "Kanokwan"),
    f("พรรณี", "Phannee"),
    f("เกศินี", "Kesinee"),
    f("สุพัตรา", "Supattra"),
    f("ปนัดดา", "Panadda"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surname {
    pub th: &'static str,
    pub en: &'static str,
}

const fn s(th: &'static str, en: &'static str) -> Surname {
    Surname { th, en }
}

pub static SURNAMES: &[Surname] = &[
    s("ใจดี", "Jaidee"),
    s("วงศ์สวัสดิ์", "Wongsawat"),
    s("ศรีสุข", "Srisuk"),
    s("แสงทอง", "Saengthong"),
    s("บุญมา", "Boonma"),
    s("รัตนพันธ์", "Rattanaphan"),
    s("สุขสวัสดิ์", "Suksawat"),
    s("ทองดี", "Thongdee"),
    s("มีสุข", "Meesuk"),
    s("แก้วมณี", "Kaewmanee"),
    s("ศรีสวัสดิ์", "Srisawat"),
    s("บุญเรือง", "Boonruang"),
    s("ทองคำ", "Thongkham"),
    s("พรหมมา", "Phromma"),
    s("สมบูรณ์", "Somboon"),
    s("ศรีวงศ์", "Sriwong"),
    s("อินทร์แก้ว", "Inkaew"),
    s("แก้วประเสริฐ", "Kaewprasert"),
    s("ประเสริฐสุข", "Prasertsuk"),
    s("เจริญสุข", "Charoensuk"),
    s("เจริญผล", "Charoenphon"),
    s("รุ่งเรือง", "Rungruang"),
    s("มั่นคง", "Mankhong"),
    s("สุวรรณ", "Suwan"),
    s("สุวรรณรัตน์", "Suwannarat"),
    s("ชัยมงคล", "Chaimongkhon"),
    s("ศรีประเสริฐ", "Sriprasert"),
    s("วงศ์ใหญ่", "Wongyai"),
    s("บุญยืน", "Boonyuen"),
    s("ทองมา", "Thongma"),
    s("คำแก้ว", "Khamkaew"),
    s("พึ่งบุญ", "Phuengboon"),
    s("อ่อนศรี", "Onsri"),
    s("สายทอง", "Saithong"),
    s("เพชรรัตน์", "Phetcharat"),
    s("ปัญญาดี", "Panyadee"),
    s("สุขเจริญ", "Sukcharoen"),
    s("นาคสุข", "Naksuk"),
    s("บัวทอง", "Buathong"),
    s("ทองสุข", "Thongsuk"),
    s("กิตติวงศ์", "Kittiwong"),
    s("ธนากุล", "Thanakul"),
    s("วัฒนชัย", "Watthanachai"),
    s("วัฒนากุล", "Watthanakul"),
    s("พานิชกุล", "Phanichkul"),
    s("ศรีอ่อน", "Sri-on"),
    s("จันทร์แก้ว", "Chankaew"),
    s("ทองประเสริฐ", "Thongprasert"),
    s("นิลสุวรรณ", "Ninsuwan"),
    s("เกิดผล", "Koetphon"),
    s("รักษาพันธ์", "Raksaphan"),
    s("อุดมสุข", "Udomsuk"),
    s("อุดมศักดิ์", "Udomsak"),
    s("มหาวงศ์", "Mahawong"),
    s("ศักดิ์สิทธิ์", "Saksit"),
    s("ธรรมรักษ์", "Thammarak"),
    s("ธรรมวงศ์", "Thammawong"),
    s("พรหมวงศ์", "Phromwong"),
    s("ขุนทอง", "Khunthong"),
    s("ชูชัย", "Chuchai"),
    s("สิทธิชัย", "Sitthichai"),
    s("สุขประเสริฐ", "Sukprasert"),
    s("ศรีทอง", "Srithong"),
    s("ดวงแก้ว", "Duangkaew"),
    s("ดวงดี", "Duangdee"),
    s("ใจกล้า", "Jaikla"),
    s("ใจมั่น", "Jaiman"),
    s("ยิ้มแย้ม", "Yimyaem"),
    s("เย็นใจ", "Yenjai"),
    s("อยู่สุข", "Yoosuk"),
    s("อยู่เย็น", "Yooyen"),
    s("มีชัย", "Meechai"),
    s("มีทรัพย์", "Meesap"),
    s("มณีวงศ์", "Maneewong"),
    s("ภักดี", "Phakdee"),
    s("พูลสวัสดิ์", "Phunsawat"),
    s("พูลผล", "Phunphon"),
    s("บุญประเสริฐ", "Boonprasert"),
    s("บุญศรี", "Boonsri"),
    s("บุญสม", "Boonsom"),
    s("บุญช่วย", "Boonchuay"),
    s("บุญยงค์", "Boonyong"),
    s("เรืองศรี", "Ruangsri"),
    s("ทองเจริญ", "Thongcharoen"),
    s("แก้วกาญจนา", "Kaewkanchana"),
    s("กาญจนวงศ์", "Kanchanawong"),
    s("จิตรดี", "Jitdee"),
    s("สุขใจ", "Sukjai"),
    s("สุขสำราญ", "Suksamran"),
    s("สุขเกษม", "Sukkasem"),
    s("เกษมสุข", "Kasemsuk"),
    s("ศรีสมบูรณ์", "Srisomboon"),
    s("สมบัติทอง", "Sombatthong"),
    s("สมใจ", "Somjai"),
    s("ปานทอง", "Panthong"),
    s("ปานแก้ว", "Pankaew"),
    s("นาคประเสริฐ", "Nakprasert"),
    s("นาคทอง", "Nakthong"),
    s("เหลืองทอง", "Lueangthong"),
    s("เขียวสด", "Khiaosot"),
    s("สีดา", "Seeda"),
    s("อินทรสุวรรณ", "Intharasuwan"),
    s("อินทรประเสริฐ", "Intharaprasert"),
    s("จันทร์หอม", "Chanhom"),
    s("จันทร์ดี", "Chandee"),
    s("จันทร์ศรี", "Chansri"),
    s("เพชรสุวรรณ", "Phetsuwan"),
    s("เพชรดี", "Phetdee"),
    s("ทองอยู่", "Thongyoo"),
    s("ศรีเมือง", "Srimuang"),
    s("เมืองแก้ว", "Muangkaew"),
    s("ชัยประเสริฐ", "Chaiprasert"),
    s("ชัยศรี", "Chaisri"),
    s("ชัยวงศ์", "Chaiwong"),
    s("ทรัพย์สมบูรณ์", "Sapsomboon"),
    s("รัตนวงศ์", "Rattanawong"),
    s("รัตนสุวรรณ", "Rattanasuwan"),
    s("รัตนากร", "Rattanakorn"),
    s("ศิริวัฒน์", "Siriwat"),
    s("ศิริพงษ์", "Siriphong"),
    s("ศิริรัตน์", "Sirirat"),
    s("วิเศษสุข", "Wisetsuk"),
    s("วิเศษศักดิ์", "Wisetsak"),
    s("หอมจันทร์", "Homchan"),
    s("หอมสมบัติ", "Homsombat"),
    s("ลิ้มเจริญ", "Limcharoen"),
    s("ลิ้มสกุล", "Limsakul"),
    s("ตั้งตระกูล", "Tangtrakul"),
    s("ตั้งเจริญ", "Tangcharoen"),
    s("แซ่ตั้ง", "Sae-tang"),
    s("แซ่ลิ้ม", "Sae-lim"),
    s("แซ่เฮ้ง", "Sae-heng"),
    s("แซ่อึ้ง", "Sae-ueng"),
    s("เตชะวงศ์", "Techawong"),
    s("เตชะไพบูลย์", "Techaphaibun"),
    s("โชติวงศ์", "Chotiwong"),
    s("โชติกุล", "Chotikul"),
    s("ประทุมทอง", "Prathumthong"),
    s("สุวรรณศรี", "Suwannasri"),
    s("สุวรรณชาติ", "Suwannachat"),
    s("ธนสาร", "Thanasan"),
    s("พงษ์พันธ์", "Phongphan"),
    s("พงษ์ศิริ", "Phongsiri"),
    s("กลิ่นหอม", "Klinhom"),
    s("คงสมบูรณ์", "Khongsomboon"),
    s("คงเจริญ", "Khongcharoen"),
    s("คงดี", "Khongdee"),
    s("นิ่มนวล", "Nimnuan"),
    s("สายสุวรรณ", "Saisuwan"),
    s("หิรัญวงศ์", "Hirunwong"),
    s("วงศ์ทอง", "Wongthong"),
    s("วงศ์ศรี", "Wongsri"),
    s("ไชยวงศ์", "Chaiyawong"),
    s("ไชยสิทธิ์", "Chaiyasit"),
    s("แสงอรุณ", "Saengarun"),
    s("แสงจันทร์", "Saengchan"),
    s("แสงสว่าง", "Saengsawang"),
    s("เกตุแก้ว", "Ketkaew"),
    s("เกตุทอง", "Ketthong"),
    s("ศรีนวล", "Srinuan"),
    s("นวลจันทร์", "Nuanchan"),
    s("พรหมสุวรรณ", "Phromsuwan"),
    s("อุ่นเรือน", "Unruean"),
    s("เรือนทอง", "Rueanthong"),
    s("ปัญญาวงศ์", "Panyawong"),
    s("วิริยะกุล", "Wiriyakul"),
    s("สิทธิโชค", "Sitthichok"),
    s("ฤทธิ์เดช", "Ritdet"),
    s("สมานมิตร", "Samanmit"),
    s("เลิศวิไล", "Loetwilai"),
    s("ศักดิ์ดี", "Sakdee"),
    s("เทพพิทักษ์", "Thepphithak"),
    s("ภูมิสวัสดิ์", "Phumsawat"),
    s("ทิพย์มณี", "Thipmanee"),
    s("พุ่มพวง", "Phumphuang"),
    s("แย้มประเสริฐ", "Yaemprasert"),
    s("โพธิ์ทอง", "Phothong"),
    s("โพธิ์ศรี", "Phosri"),
    s("สุขแสง", "Suksaeng"),
    s("ศรีบุญเรือง", "Sriboonruang"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Company {
    pub th: &'static str,
    pub en: &'static str,
}

const fn c(th: &'static str, en: &'static str) -> Company {
    Company { th, en }
}

pub static COMPANIES: &[Company] = &[
    c("บริษัท สยามขนส่ง จำกัด", "Siam Khonsong Co., Ltd."),
    c(
        "บริษัท ไทยรุ่งเรืองโลจิสติกส์ จำกัด",
        "Thai Rungruang Logistics Co., Ltd.",
    ),
    c(
        "ห้างหุ้นส่วนจำกัด ช.เจริญก่อสร้าง",
        "Ch. Charoen Construction Limited Partnership",
    ),
    c("บริษัท อีสานทัวร์ จำกัด", "Isan Tour Co., Ltd."),
    c("บริษัท ภูเก็ตคาร์เร้นท์ จำกัด", "Phuket Car Rent Co., Ltd."),
    c("บริษัท ล้านนาทรานสปอร์ต จำกัด", "Lanna Transport Co., Ltd."),
    c(
        "ห้างหุ้นส่วนจำกัด ทองดีการโยธา",
        "Thongdee Civil Works Limited Partnership",
    ),
    c("บริษัท ศรีสุขคอนสตรัคชั่น จำกัด", "Srisuk Construction Co., Ltd."),
    c("บริษัท เจริญผลเทรดดิ้ง จำกัด", "Charoenphon Trading Co., Ltd."),
    c(
        "บริษัท เชียงใหม่ไดรฟ์ คาร์เร้นท์ จำกัด",
        "Chiang Mai Drive Car Rent Co., Ltd.",
    ),
    c(
        "ห้างหุ้นส่วนจำกัด มั่นคงวัสดุก่อสร้าง",
        "Mankhong Construction Materials Limited Partnership",
    ),
    c("บริษัท สุวรรณภูมิลีสซิ่ง จำกัด", "Suvarnabhumi Leasing Co., Ltd."),
    c("บริษัท อันดามันทราเวล จำกัด", "Andaman Travel Co., Ltd."),
    c(
        "บริษัท ไทยพัฒนาเกษตรภัณฑ์ จำกัด",
        "Thai Phatthana Kasetphan Co., Ltd.",
    ),
    c("บริษัท แม่กลองห้องเย็น จำกัด", "Mae Klong Cold Storage Co., Ltd."),
    c(
        "ห้างหุ้นส่วนจำกัด ศรีเมืองการช่าง",
        "Srimuang Engineering Limited Partnership",
    ),
    c("บริษัท รุ่งอรุณฟู้ดส์ จำกัด", "Rung Arun Foods Co., Ltd."),
    c("บริษัท โคราชมอเตอร์ลีส จำกัด", "Korat Motor Lease Co., Ltd."),
    c(
        "บริษัท หาดใหญ่ขนส่งสินค้า จำกัด",
        "Hat Yai Freight Transport Co., Ltd.",
    ),
    c(
        "บริษัท บ้านบึงเอ็นจิเนียริ่ง จำกัด",
        "Ban Bueng Engineering Co., Ltd.",
    ),
    c(
        "บริษัท สยามทัวร์ริสท์ เซอร์วิส จำกัด",
        "Siam Tourist Service Co., Ltd.",
    ),
    c(
        "ห้างหุ้นส่วนจำกัด อุดรรถเช่า",
        "Udon Car Rental Limited Partnership",
    ),
    c("บริษัท เจ้าพระยาคอนกรีต จำกัด", "Chao Phraya Concrete Co., Ltd."),
    c(
        "บริษัท นครปฐมเดลิเวอรี่ จำกัด",
        "Nakhon Pathom Delivery Co., Ltd.",
    ),
    c(
        "บริษัท สยามวัฒนาโฮลดิ้ง จำกัด (มหาชน)",
        "Siam Watthana Holding Public Company Limited",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VehicleType {
    Sedan,
    Hatchback,
    Suv,
    Pickup,
    Van,
    Motorcycle,
}

impl VehicleType {
    pub fn as_db(&self) -> &'static str {
        match self {
            VehicleType::Sedan => "SEDAN",
            VehicleType::Hatchback => "HATCHBACK",
            VehicleType::Suv => "SUV",
            VehicleType::Pickup => "PICKUP",
            VehicleType::Van => "VAN",
            VehicleType::Motorcycle => "MOTORCYCLE",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fuel {
    Gasoline,
    Diesel,
    Hybrid,
    Electric,
}

impl Fuel {
    pub fn as_db(&self) -> &'static str {
        match self {
            Fuel::Gasoline => "GASOLINE",
            Fuel::Diesel => "DIESEL",
            Fuel::Hybrid => "HYBRID",
            Fuel::Electric => "ELECTRIC",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VehicleModel {
    pub make: &'static str,
    pub model: &'static str,
    pub vehicle_type: VehicleType,
    pub engine_cc: u32,
    pub fuel: Fuel,
    pub seats: u8,
    pub market_value_thb: u32,
    pub weight: u32,
}

#[allow(clippy::too_many_arguments)]
const fn v(
    make: &'static str,
    model: &'static str,
    vehicle_type: VehicleType,
    engine_cc: u32,
    fuel: Fuel,
    seats: u8,
    market_value_thb: u32,
    weight: u32,
) -> VehicleModel {
    VehicleModel {
        make,
        model,
        vehicle_type,
        engine_cc,
        fuel,
        seats,
        market_value_thb,
        weight,
    }
}

use Fuel::{Diesel, Electric, Gasoline, Hybrid};
use VehicleType::{Hatchback, Motorcycle, Pickup, Sedan, Suv, Van};

pub static VEHICLE_MODELS: &[VehicleModel] = &[
    v(
        "Toyota",
        "Hilux Revo Standard Cab 2.4",
        Pickup,
        2393,
        Diesel,
        2,
        559_000,
        70,
    ),
    v(
        "Toyota",
        "Hilux Revo Smart Cab 2.4",
        Pickup,
        2393,
        Diesel,
        4,
        689_000,
        80,
    ),
    v(
        "Toyota",
        "Hilux Revo Double Cab 2.4",
        Pickup,
        2393,
        Diesel,
        5,
        899_000,
        70,
    ),
    v(
        "Toyota",
        "Hilux Revo Rocco 2.8",
        Pickup,
        2755,
        Diesel,
        5,
        1_289_000,
        15,
    ),
    v(
        "Toyota",
        "Hilux Champ 2.0",
        Pickup,
        1998,
        Gasoline,
        2,
        469_000,
        15,
    ),
    v("Toyota", "Vios 1.5", Sedan, 1496, Gasoline, 5, 609_000, 40),
    v(
        "Toyota",
        "Yaris Ativ 1.2",
        Sedan,
        1197,
        Gasoline,
        5,
        589_000,
        45,
    ),
    v(
        "Toyota",
        "Yaris 1.2",
        Hatchback,
        1197,
        Gasoline,
        5,
        559_000,
        25,
    ),
    v(
        "Toyota",
        "Corolla Altis 1.6",
        Sedan,
        1598,
        Gasoline,
        5,
        899_000,
        15,
    ),
    v(
        "Toyota",
        "Corolla Cross 1.8 HEV",
        Suv,
        1798,
        Hybrid,
        5,
        1_099_000,
        25,
    ),
    v(
        "Toyota",
        "Fortuner 2.4",
        Suv,
        2393,
        Diesel,
        7,
        1_509_000,
        20,
    ),
    v(
        "Toyota",
        "Fortuner Legender 2.8",
        Suv,
        2755,
        Diesel,
        7,
        1_889_000,
        8,
    ),
    v(
        "Toyota",
        "Camry 2.5 HEV",
        Sedan,
        2487,
        Hybrid,
        5,
        1_599_000,
        8,
    ),
    v(
        "Toyota",
        "Hiace Commuter 2.8",
        Van,
        2755,
        Diesel,
        13,
        1_439_000,
        15,
    ),
    v("Toyota", "Veloz 1.5", Suv, 1496, Gasoline, 7, 845_000, 12),
    v(
        "Honda",
        "City 1.0 Turbo",
        Sedan,
        988,
        Gasoline,
        5,
        609_000,
        45,
    ),
    v(
        "Honda",
        "City e:HEV 1.5",
        Sedan,
        1498,
        Hybrid,
        5,
        779_000,
        10,
    ),
    v(
        "Honda",
        "City Hatchback 1.0 Turbo",
        Hatchback,
        988,
        Gasoline,
        5,
        619_000,
        15,
    ),
    v(
        "Honda",
        "Civic 1.5 Turbo",
        Sedan,
        1498,
        Gasoline,
        5,
        1_029_000,
        20,
    ),
    v(
        "Honda",
        "Civic e:HEV 2.0",
        Sedan,
        1993,
        Hybrid,
        5,
        1_229_000,
        6,
    ),
    v(
        "Honda",
        "HR-V e:HEV 1.5",
        Suv,
        1498,
        Hybrid,
        5,
        1_079_000,
        15,
    ),
    v(
        "Honda",
        "CR-V 1.5 Turbo",
        Suv,
        1498,
        Gasoline,
        7,
        1_499_000,
        12,
    ),
    v(
        "Honda", "Jazz 1.5", Hatchback, 1497, Gasoline, 5, 599_000, 15,
    ),
    v(
        "Honda",
        "Accord e:HEV 2.0",
        Sedan,
        1993,
        Hybrid,
        5,
        1_699_000,
        4,
    ),
    v(
        "Isuzu",
        "D-Max Spark 1.9",
        Pickup,
        1898,
        Diesel,
        2,
        549_000,
        60,
    ),
    v(
        "Isuzu",
        "D-Max Space Cab 1.9",
        Pickup,
        1898,
        Diesel,
        4,
        689_000,
        80,
    ),
    v(
        "Isuzu",
        "D-Max Cab4 Hi-Lander 1.9",
        Pickup,
        1898,
        Diesel,
        5,
        889_000,
        75,
    ),
    v(
        "Isuzu",
        "D-Max V-Cross 3.0",
        Pickup,
        2999,
        Diesel,
        5,
        1_129_000,
        20,
    ),
    v("Isuzu", "MU-X 1.9", Suv, 1898, Diesel, 7, 1_119_000, 12),
    v("Isuzu", "MU-X 3.0", Suv, 2999, Diesel, 7, 1_519_000, 6),
    v(
        "Mitsubishi",
        "Triton Mega Cab 2.4",
        Pickup,
        2442,
        Diesel,
        4,
        699_000,
        30,
    ),
    v(
        "Mitsubishi",
        "Triton Double Cab 2.4",
        Pickup,
        2442,
        Diesel,
        5,
        919_000,
        30,
    ),
    v(
        "Mitsubishi",
        "Pajero Sport 2.4",
        Suv,
        2442,
        Diesel,
        7,
        1_399_000,
        12,
    ),
    v(
        "Mitsubishi",
        "Xpander 1.5",
        Suv,
        1499,
        Gasoline,
        7,
        849_000,
        15,
    ),
    v(
        "Mitsubishi",
        "Attrage 1.2",
        Sedan,
        1193,
        Gasoline,
        5,
        499_000,
        20,
    ),
    v(
        "Mitsubishi",
        "Mirage 1.2",
        Hatchback,
        1193,
        Gasoline,
        5,
        459_000,
        15,
    ),
    v(
        "Nissan",
        "Navara King Cab 2.5",
        Pickup,
        2488,
        Diesel,
        4,
        659_000,
        15,
    ),
    v(
        "Nissan",
        "Navara Double Cab 2.3",
        Pickup,
        2298,
        Diesel,
        5,
        899_000,
        15,
    ),
    v(
        "Nissan",
        "Almera 1.0 Turbo",
        Sedan,
        999,
        Gasoline,
        5,
        549_000,
        25,
    ),
    v(
        "Nissan",
        "Kicks e-Power 1.2",
        Suv,
        1198,
        Hybrid,
        5,
        929_000,
        8,
    ),
    v("Nissan", "Terra 2.3", Suv, 2298, Diesel, 7, 1_399_000, 5),
    v(
        "Mazda",
        "Mazda2 1.3 Sedan",
        Sedan,
        1298,
        Gasoline,
        5,
        629_000,
        20,
    ),
    v(
        "Mazda",
        "Mazda2 1.3 Sports",
        Hatchback,
        1298,
        Gasoline,
        5,
        629_000,
        15,
    ),
    v(
        "Mazda",
        "Mazda3 2.0",
        Sedan,
        1998,
        Gasoline,
        5,
        1_099_000,
        6,
    ),
    v("Mazda", "CX-3 2.0", Suv, 1998, Gasoline, 5, 899_000, 8),
    v("Mazda", "CX-30 2.0", Suv, 1998, Gasoline, 5, 1_099_000, 8),
    v("Mazda", "CX-5 2.0", Suv, 1998, Gasoline, 5, 1_499_000, 8),
    v("Mazda", "BT-50 1.9", Pickup, 1898, Diesel, 5, 839_000, 8),
    v(
        "Ford",
        "Ranger Open Cab 2.0 Turbo",
        Pickup,
        1996,
        Diesel,
        4,
        799_000,
        25,
    ),
    v(
        "Ford",
        "Ranger Double Cab 2.0 Bi-Turbo Wildtrak",
        Pickup,
        1996,
        Diesel,
        5,
        1_239_000,
        20,
    ),
    v(
        "Ford",
        "Everest 2.0 Turbo",
        Suv,
        1996,
        Diesel,
        7,
        1_599_000,
        10,
    ),
    v("MG", "MG ZS 1.5", Suv, 1498, Gasoline, 5, 719_000, 15),
    v("MG", "MG5 1.5", Sedan, 1498, Gasoline, 5, 599_000, 15),
    v("MG", "MG4 Electric", Hatchback, 0, Electric, 5, 869_000, 10),
    v(
        "MG",
        "MG HS 1.5 Turbo",
        Suv,
        1490,
        Gasoline,
        5,
        1_049_000,
        6,
    ),
    v(
        "MG",
        "Extender Double Cab 2.0 Turbo",
        Pickup,
        1996,
        Diesel,
        5,
        749_000,
        10,
    ),
    v("BYD", "Atto 3", Suv, 0, Electric, 5, 1_099_900, 12),
    v("BYD", "Dolphin", Hatchback, 0, Electric, 5, 699_900, 12),
    v("BYD", "Seal", Sedan, 0, Electric, 5, 1_325_000, 6),
    v("GWM", "Ora Good Cat", Hatchback, 0, Electric, 5, 899_000, 8),
    v(
        "GWM",
        "Haval H6 1.5 HEV",
        Suv,
        1497,
        Hybrid,
        5,
        1_199_000,
        6,
    ),
    v(
        "Suzuki",
        "Swift 1.2",
        Hatchback,
        1197,
        Gasoline,
        5,
        579_000,
        20,
    ),
    v("Suzuki", "Ciaz 1.2", Sedan, 1242, Gasoline, 5, 529_000, 8),
    v(
        "Suzuki",
        "Carry 1.5",
        Pickup,
        1462,
        Gasoline,
        2,
        399_000,
        10,
    ),
    v(
        "Hyundai",
        "H-1 2.5 CRDi",
        Van,
        2497,
        Diesel,
        11,
        1_499_000,
        6,
    ),
    v(
        "Hyundai",
        "Staria 2.2 CRDi",
        Van,
        2199,
        Diesel,
        11,
        1_699_000,
        5,
    ),
    v(
        "Honda",
        "Wave 110i",
        Motorcycle,
        109,
        Gasoline,
        2,
        40_000,
        60,
    ),
    v(
        "Honda",
        "Wave 125i",
        Motorcycle,
        124,
        Gasoline,
        2,
        55_000,
        25,
    ),
    v(
        "Honda",
        "Click 125i",
        Motorcycle,
        124,
        Gasoline,
        2,
        56_000,
        50,
    ),
    v(
        "Honda",
        "Click 160",
        Motorcycle,
        157,
        Gasoline,
        2,
        63_000,
        15,
    ),
    v("Honda", "PCX 160", Motorcycle, 157, Gasoline, 2, 95_000, 20),
    v("Honda", "Scoopy", Motorcycle, 109, Gasoline, 2, 52_000, 25),
    v("Honda", "CBR150R", Motorcycle, 149, Gasoline, 2, 92_000, 5),
    v(
        "Honda",
        "Forza 350",
        Motorcycle,
        330,
        Gasoline,
        2,
        189_000,
        4,
    ),
    v(
        "Yamaha", "Fino 125", Motorcycle, 125, Gasoline, 2, 51_000, 18,
    ),
    v(
        "Yamaha", "NMAX 155", Motorcycle, 155, Gasoline, 2, 90_000, 15,
    ),
    v(
        "Yamaha",
        "Aerox 155",
        Motorcycle,
        155,
        Gasoline,
        2,
        74_000,
        12,
    ),
    v(
        "Kawasaki",
        "Ninja 400",
        Motorcycle,
        399,
        Gasoline,
        2,
        209_000,
        2,
    ),
    v(
        "Vespa",
        "Sprint 150",
        Motorcycle,
        155,
        Gasoline,
        2,
        119_000,
        3,
    ),
];

pub static COLORS: &[(&str, &str)] = &[
    ("ขาว", "White"),
    ("ขาวมุก", "Pearl White"),
    ("ดำ", "Black"),
    ("เทา", "Grey"),
    ("บรอนซ์เงิน", "Silver"),
    ("บรอนซ์ทอง", "Gold"),
    ("แดง", "Red"),
    ("น้ำเงิน", "Blue"),
    ("ฟ้า", "Light Blue"),
    ("น้ำตาล", "Brown"),
    ("เขียว", "Green"),
    ("เหลือง", "Yellow"),
];

pub static THAI_PLATE_CONSONANTS: &[char] = &[
    'ก', 'ข', 'ค', 'ฆ', 'ง', 'จ', 'ฉ', 'ช', 'ฌ', 'ญ', 'ฎ', 'ฐ', 'ฒ', 'ณ', 'ด', 'ต', 'ถ', 'ท', 'ธ',
    'น', 'บ', 'ผ', 'พ', 'ภ', 'ม', 'ย', 'ร', 'ล', 'ว', 'ศ', 'ษ', 'ส', 'ห', 'ฬ', 'อ', 'ฮ',
];

pub static ROAD_NAMES: &[&str] = &[
    "ถนนพหลโยธิน",
    "ถนนสุขุมวิท",
    "ถนนเพชรเกษม",
    "ถนนมิตรภาพ",
    "ถนนพระราม 2",
    "ถนนพระราม 4",
    "ถนนพระราม 9",
    "ถนนวิภาวดีรังสิต",
    "ถนนรัชดาภิเษก",
    "ถนนลาดพร้าว",
    "ถนนรามคำแหง",
    "ถนนบางนา-ตราด",
    "ถนนแจ้งวัฒนะ",
    "ถนนงามวงศ์วาน",
    "ถนนติวานนท์",
    "ถนนเจริญกรุง",
    "ถนนสาทร",
    "ถนนสีลม",
    "ถนนศรีนครินทร์",
    "ถนนกาญจนาภิเษก",
    "ถนนประชาอุทิศ",
    "ถนนนวมินทร์",
    "ถนนเพชรบุรีตัดใหม่",
    "ถนนนิมมานเหมินท์",
    "ถนนบรมราชชนนี",
    "ซอยลาดพร้าว 71",
    "ซอยสุขุมวิท 101",
    "ซอยรามอินทรา 40",
    "ซอยพหลโยธิน 48",
    "ซอยอ่อนนุช 17",
];

pub static VILLAGE_NAMES: &[&str] = &[
    "หมู่บ้านพฤกษา",
    "หมู่บ้านศุภาลัย",
    "หมู่บ้านชัยพฤกษ์",
    "หมู่บ้านเพอร์เฟคเพลส",
    "หมู่บ้านเดอะซิตี้",
    "หมู่บ้านเสนาวิลล์",
    "หมู่บ้านลลิลวิลล์",
    "หมู่บ้านมัณฑนา",
    "หมู่บ้านสัมมากร",
    "หมู่บ้านเมืองเอก",
    "หมู่บ้านปริญญดา",
    "หมู่บ้านนันทวัน",
    "หมู่บ้านคาซ่าวิลล์",
    "หมู่บ้านกฤษดานคร",
    "หมู่บ้านธนาซิตี้",
];

pub static INSURERS: &[(&str, &str)] = &[
    ("วิริยะประกันภัย", "Viriyah Insurance"),
    ("ทิพยประกันภัย", "Dhipaya Insurance"),
    ("กรุงเทพประกันภัย", "Bangkok Insurance"),
    ("เมืองไทยประกันภัย", "Muang Thai Insurance"),
    ("ธนชาตประกันภัย", "Thanachart Insurance"),
    ("ไทยวิวัฒน์ประกันภัย", "Thaivivat Insurance"),
    ("สินมั่นคงประกันภัย", "Syn Mun Kong Insurance"),
    ("นวกิจประกันภัย", "Navakij Insurance"),
    ("ชับบ์สามัคคีประกันภัย", "Chubb Samaggi Insurance"),
    ("แอลเอ็มจีประกันภัย", "LMG Insurance"),
];

pub static INCIDENT_DESCRIPTIONS: &[(&str, &str, &str)] = &[
    (
        "ACCIDENT",
        "ชนท้ายรถกระบะขณะรถติดบนถนนพระราม 2",
        "Rear-ended a pickup in traffic on Rama 2 Road",
    ),
    (
        "ACCIDENT",
        "ถูกรถจักรยานยนต์เฉี่ยวกระจกมองข้างขวาขณะเปลี่ยนช่องทาง",
        "A motorcycle clipped the right side mirror during a lane change",
    ),
    (
        "ACCIDENT",
        "ถอยรถชนเสาในลานจอดรถห้างสรรพสินค้า",
        "Reversed into a pillar in a shopping mall car park",
    ),
    (
        "ACCIDENT",
        "ถูกรถเก๋งชนด้านข้างที่ทางแยกสัญญาณไฟ",
        "Hit on the side by a sedan at a signalised intersection",
    ),
    (
        "ACCIDENT",
        "รถเสียหลักลื่นไถลตกไหล่ทางขณะฝนตกหนัก",
        "Lost control and skidded off the shoulder in heavy rain",
    ),
    (
        "ACCIDENT",
        "ชนสุนัขที่วิ่งตัดหน้าบนถนนมิตรภาพ",
        "Struck a dog that ran across Mittraphap Road",
    ),
    (
        "ACCIDENT",
        "ถูกรถบรรทุกเบียดชนด้านซ้ายบนทางด่วน",
        "A truck sideswiped the left side on the expressway",
    ),
    (
        "ACCIDENT",
        "รถจักรยานยนต์ล้มขณะหลบหลุมบนถนนในซอย",
        "Motorcycle fell while avoiding a pothole in a soi",
    ),
    (
        "ACCIDENT",
        "ถูกชนท้ายขณะจอดรอสัญญาณไฟแดง",
        "Rear-ended while stopped at a red light",
    ),
    (
        "ACCIDENT",
        "เฉี่ยวชนรถตู้โดยสารขณะกลับรถบนถนนพหลโยธิน",
        "Collided with a passenger van while making a U-turn on Phahonyothin Road",
    ),
    (
        "ACCIDENT",
        "รถคันหน้าเบรกกะทันหันทำให้ชนท้ายบนถนนบางนา-ตราด",
        "The car ahead braked suddenly, causing a rear-end collision on Bangna-Trat Road",
    ),
    (
        "ACCIDENT",
        "ถูกรถไม่ทราบทะเบียนชนขณะจอดริมถนนแล้วหลบหนี",
        "Hit while parked at the roadside by an unknown vehicle that fled",
    ),
    (
        "THEFT",
        "รถจักรยานยนต์ถูกโจรกรรมหน้าร้านสะดวกซื้อ",
        "Motorcycle stolen outside a convenience store",
    ),
    (
        "THEFT",
        "รถถูกโจรกรรมจากลานจอดรถคอนโดมิเนียมในเวลากลางคืน",
        "Car stolen overnight from a condominium car park",
    ),
    (
        "FIRE",
        "ไฟไหม้ห้องเครื่องจากไฟฟ้าลัดวงจรขณะจอดอยู่ที่บ้าน",
        "Engine bay fire from an electrical short circuit while parked at home",
    ),
    (
        "FLOOD",
        "น้ำท่วมสูงถึงเบาะนั่งระหว่างพายุฝนในกรุงเทพฯ",
        "Flood water reached the seats during a rainstorm in Bangkok",
    ),
    (
        "FLOOD",
        "รถจอดอยู่ในหมู่บ้านที่มีน้ำท่วมขังนานสองวัน",
        "Car parked in a housing estate that was flooded for two days",
    ),
    (
        "VANDALISM",
        "ถูกขีดข่วนสีรอบคันขณะจอดริมถนน",
        "Paint keyed all around the car while parked on the street",
    ),
    (
        "VANDALISM",
        "ถูกทุบกระจกประตูเพื่อขโมยทรัพย์สินในรถ",
        "Door window smashed to steal belongings from the car",
    ),
    (
        "NATURAL_DISASTER",
        "ต้นไม้ล้มทับหลังคารถระหว่างพายุฤดูร้อน",
        "A tree fell on the roof during a summer storm",
    ),
];

pub static DAMAGE_PARTS: &[(&str, &str)] = &[
    ("กันชนหน้า", "Front bumper"),
    ("กันชนหลัง", "Rear bumper"),
    ("ไฟหน้าซ้าย", "Left headlamp"),
    ("ไฟหน้าขวา", "Right headlamp"),
    ("ไฟท้ายซ้าย", "Left tail lamp"),
    ("ไฟท้ายขวา", "Right tail lamp"),
    ("ประตูหน้าซ้าย", "Front left door"),
    ("ประตูหน้าขวา", "Front right door"),
    ("ประตูหลังซ้าย", "Rear left door"),
    ("ประตูหลังขวา", "Rear right door"),
    ("ฝากระโปรงหน้า", "Bonnet"),
    ("ฝากระโปรงท้าย", "Boot lid"),
    ("บังโคลนหน้าซ้าย", "Left front fender"),
    ("บังโคลนหน้าขวา", "Right front fender"),
    ("กระจกบังลมหน้า", "Windscreen"),
    ("กระจกมองข้างซ้าย", "Left side mirror"),
    ("กระจกมองข้างขวา", "Right side mirror"),
    ("หม้อน้ำ", "Radiator"),
    ("กระจังหน้า", "Front grille"),
    ("หลังคา", "Roof"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn is_thai_text(text: &str) -> bool {
        text.chars().all(|ch| {
            ('\u{0E01}'..='\u{0E5B}').contains(&ch)
                || ch == ' '
                || ch.is_ascii_digit()
                || ch.is_ascii_punctuation()
        }) && text
            .chars()
            .any(|ch| ('\u{0E01}'..='\u{0E5B}').contains(&ch))
    }

    fn check_thai(text: &str) {
        assert!(!text.is_empty(), "empty Thai string");
        assert!(is_thai_text(text), "not Thai text: {text:?}");
    }

    fn check_en(text: &str) {
        assert!(!text.trim().is_empty(), "empty English string");
        assert!(text.is_ascii(), "not ASCII: {text:?}");
    }

    #[test]
    fn counts_meet_minimums() {
        assert!(GIVEN_NAMES.len() >= 120);
        assert!(SURNAMES.len() >= 150);
        assert!(COMPANIES.len() >= 25);
        assert!(VEHICLE_MODELS.len() >= 60);
        assert!(COLORS.len() >= 12);
        assert!(ROAD_NAMES.len() >= 30);
        assert!(VILLAGE_NAMES.len() >= 15);
        assert!(INSURERS.len() >= 10);
        assert!(INCIDENT_DESCRIPTIONS.len() >= 20);
        assert!(DAMAGE_PARTS.len() >= 20);
    }

    #[test]
    fn given_names_are_balanced() {
        let male = GIVEN_NAMES
            .iter()
            .filter(|n| n.gender == Gender::Male)
            .count();
        let female = GIVEN_NAMES.len() - male;
        assert!(male >= 55 && female >= 55, "male {male}, female {female}");
    }

    #[test]
    fn thai_and_english_strings_are_well_formed() {
        for n in GIVEN_NAMES {
            check_thai(n.th);
            check_en(n.en);
        }
        for n in SURNAMES {
            check_thai(n.th);
            check_en(n.en);
        }
        for company in COMPANIES {
            check_thai(company.th);
            check_en(company.en);
        }
        for (th, en) in COLORS.iter().chain(INSURERS).chain(DAMAGE_PARTS) {
            check_thai(th);
            check_en(en);
        }
        for name in ROAD_NAMES.iter().chain(VILLAGE_NAMES) {
            check_thai(name);
        }
        for (_, th, en) in INCIDENT_DESCRIPTIONS {
            check_thai(th);
            check_en(en);
        }
        for model in VEHICLE_MODELS {
            check_en(model.make);
            check_en(model.model);
        }
    }

    #[test]
    fn no_duplicate_names() {
        let mut seen = HashSet::new();
        for n in GIVEN_NAMES {
            assert!(seen.insert(n.th), "duplicate given name {}", n.th);
        }
        let mut seen = HashSet::new();
        for n in SURNAMES {
            assert!(seen.insert(n.th), "duplicate surname {}", n.th);
        }
        let mut seen = HashSet::new();
        for model in VEHICLE_MODELS {
            assert!(
                seen.insert((model.make, model.model)),
                "duplicate model {} {}",
                model.make,
                model.model
            );
        }
    }

    #[test]
    fn plate_consonants_are_in_range() {
        let mut seen = HashSet::new();
        for &ch in THAI_PLATE_CONSONANTS {
            assert!(('\u{0E01}'..='\u{0E2E}').contains(&ch), "{ch:?}");
            assert!(seen.insert(ch), "duplicate consonant {ch}");
        }
    }

    #[test]
    fn incident_claim_types_are_known() {
        const TYPES: &[&str] = &[
            "ACCIDENT",
            "THEFT",
            "FIRE",
            "FLOOD",
            "VANDALISM",
            "NATURAL_DISASTER",
        ];
        for (claim_type, _, _) in INCIDENT_DESCRIPTIONS {
            assert!(TYPES.contains(claim_type), "{claim_type}");
        }
        let accidents = INCIDENT_DESCRIPTIONS
            .iter()
            .filter(|(t, _, _)| *t == "ACCIDENT")
            .count();
        assert!(accidents * 2 > INCIDENT_DESCRIPTIONS.len());
    }

    #[test]
    fn vehicle_models_are_consistent() {
        for model in VEHICLE_MODELS {
            if model.fuel == Fuel::Electric {
                assert_eq!(model.engine_cc, 0, "{}", model.model);
            } else {
                assert!(model.engine_cc > 0, "{}", model.model);
            }
            assert!(model.weight > 0, "{}", model.model);
            assert!(model.seats > 0, "{}", model.model);
            assert!(model.market_value_thb > 0, "{}", model.model);
            if model.vehicle_type == VehicleType::Motorcycle {
                assert_eq!(model.seats, 2, "{}", model.model);
            }
        }
        let weight_of = |t: VehicleType| -> u32 {
            VEHICLE_MODELS
                .iter()
                .filter(|m| m.vehicle_type == t)
                .map(|m| m.weight)
                .sum()
        };
        let pickup = weight_of(VehicleType::Pickup);
        for t in [
            VehicleType::Sedan,
            VehicleType::Hatchback,
            VehicleType::Suv,
            VehicleType::Van,
            VehicleType::Motorcycle,
        ] {
            assert!(pickup > weight_of(t), "{}", t.as_db());
        }
    }
}
