/** Word lists with the shape of real documentation (English and Arabic), for generated records. */
export const EN_WORDS = `shelling airstrike barrel bomb market hospital school bakery checkpoint detention arrest
arrested detained released civilians children women killed injured wounded displaced family families house houses
village town city neighbourhood district mosque church clinic ambulance rescue volunteers civil defence video footage
shows shows shows witness witnesses testimony report reported reports according local activists sources media
channel uploaded published footage image images photo photos rocket rockets missile missiles artillery mortar sniper
gunfire clashes protest protesters demonstration demonstrators security forces army soldiers militia armed group
groups fighters opposition government regime police officer officers prison prisoners torture torture enforced
disappearance missing bodies mass grave grave graves burial funeral victims victim names identified unidentified
chemical attack chlorine sarin gas symptoms suffocation doctors medical staff field hospital destroyed damaged
damage building buildings residential area areas street road bridge water electricity siege besieged food
shortage aid convoy humanitarian camp camps refugees border crossing morning evening night dawn hours days after
before during near inside outside north south east west eastern western northern southern countryside rural
the of and in on at by for with from to a an was were has have had is are this that which who`
  .split(/\s+/)
  .filter(Boolean);

export const AR_WORDS = `قصف غارة جوية برميل متفجر سوق مستشفى مدرسة مخبز حاجز اعتقال معتقل اعتقل احتجاز إفراج
مدنيين أطفال نساء قتلى جرحى مصابين نازحين عائلة عائلات منزل منازل قرية بلدة مدينة حي منطقة مسجد كنيسة عيادة
إسعاف إنقاذ متطوعين الدفاع المدني فيديو يظهر تظهر شاهد شهود شهادة تقرير أفاد ناشطون مصادر محلية إعلام قناة
نشر صورة صور صاروخ صواريخ مدفعية هاون قناص إطلاق نار اشتباكات مظاهرة متظاهرين قوات الأمن الجيش جنود ميليشيا
مجموعة مسلحة مقاتلين المعارضة الحكومة النظام الشرطة ضابط سجن سجناء تعذيب إخفاء قسري مفقود مفقودين جثث مقبرة
جماعية دفن جنازة ضحايا ضحية أسماء هجوم كيميائي كلور غاز أعراض اختناق أطباء طبي ميداني مدمر دمار أضرار مبنى
مباني سكني شارع طريق جسر مياه كهرباء حصار محاصر غذاء نقص مساعدات قافلة إنسانية مخيم مخيمات لاجئين حدود معبر
صباح مساء ليلة فجر ساعات أيام بعد قبل خلال قرب داخل خارج شمال جنوب شرق غرب الشرقي الغربي الريف في من على إلى
عن مع هذا هذه التي الذي كان كانت وقد حيث`
  .split(/\s+/)
  .filter(Boolean);

export const FIRST_EN =
  'Omar Ahmad Mohammad Khaled Hassan Hussein Ali Mahmoud Yasser Samer Fadi Rami Layla Fatima Noor Huda Rana Salma Maryam Zainab Ibrahim Youssef Tariq Bilal'.split(
    ' ',
  );
export const FIRST_AR =
  'عمر أحمد محمد خالد حسن حسين علي محمود ياسر سامر فادي رامي ليلى فاطمة نور هدى رنا سلمى مريم زينب إبراهيم يوسف طارق بلال'.split(
    ' ',
  );
export const LAST_EN =
  'Haddad Nasser Khalil Saleh Hamdan Darwish Haj Othman Masri Halabi Homsi Shami Qassem Sabbagh Attar Khoury Jaber Najjar Kurdi Zoubi'.split(
    ' ',
  );
export const LAST_AR =
  'حداد ناصر خليل صالح حمدان درويش الحاج عثمان المصري الحلبي الحمصي الشامي قاسم الصباغ العطار الخوري جابر النجار الكردي الزعبي'.split(
    ' ',
  );
