<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>AdminTab</name>
    <message>
        <source>Select a row first.</source>
        <translation>Önce bir satır seçin.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>(empty)</source>
        <translation>(boş)</translation>
    </message>
    <message>
        <source>The shared database is at schema revision {current} but this version of CNC Workbench needs {head}. Ask the administrator to run `cncworkbench db upgrade`.</source>
        <translation>Paylaşılan veritabanı {current} şema revizyonunda, ancak CNC Workbench&apos;in bu sürümü {head} revizyonunu gerektiriyor. Yöneticiden `cncworkbench db upgrade` komutunu çalıştırmasını isteyin.</translation>
    </message>
    <message>
        <source>These database credentials cannot run jobs: set CNC_WORKER_DATABASE_URL to the cnc_worker role&apos;s URL, or use the owner&apos;s credentials.</source>
        <translation>Bu veritabanı kimlik bilgileriyle iş çalıştırılamaz: CNC_WORKER_DATABASE_URL değişkenine cnc_worker rolünün URL&apos;sini verin veya sahibin kimlik bilgilerini kullanın.</translation>
    </message>
    <message>
        <source>Updating the embedded database schema to revision {head} ...</source>
        <translation>Gömülü veritabanı şeması {head} revizyonuna güncelleniyor ...</translation>
    </message>
    <message>
        <source>embedded PostgreSQL {version}, schema {schema} ({state})</source>
        <translation>gömülü PostgreSQL {version}, şema {schema} ({state})</translation>
    </message>
    <message>
        <source>needs upgrade to {head}</source>
        <translation>{head} revizyonuna yükseltilmeli</translation>
    </message>
    <message>
        <source>shared PostgreSQL {version}, schema {schema} ({state})</source>
        <translation>paylaşılan PostgreSQL {version}, şema {schema} ({state})</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>güncel</translation>
    </message>
    <message>
        <source>{reason}; passwords and logins cannot be remembered on this machine</source>
        <translation>{reason}; parolalar ve girişler bu bilgisayarda hatırlanamaz</translation>
    </message>
</context>
<context>
    <name>Artefacts</name>
    <message>
        <source>Job {id} has no result called &apos;{name}&apos;; it has: {listed}</source>
        <translation>{id} numaralı işin &apos;{name}&apos; adlı bir çıktı dosyası yok; olanlar: {listed}</translation>
    </message>
    <message>
        <source>Job {id} has no results (yet).</source>
        <translation>{id} numaralı işin (henüz) çıktı dosyası yok.</translation>
    </message>
    <message>
        <source>Job {id} has several &apos;{name}&apos;; give the file name: {listed}</source>
        <translation>{id} numaralı işin birden çok &apos;{name}&apos; dosyası var; dosya adını verin: {listed}</translation>
    </message>
    <message>
        <source>There is no job {id} (or it is not yours).</source>
        <translation>{id} numaralı iş yok (ya da sizin değil).</translation>
    </message>
    <message>
        <source>{name} has no recorded SHA-256 to check it by.</source>
        <translation>{name} için doğrulanacak kayıtlı bir SHA-256 yok.</translation>
    </message>
</context>
<context>
    <name>ArtefactsDialog</name>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>İndir…</translation>
    </message>
    <message>
        <source>Job {id}: artefacts</source>
        <translation>İş {id}: çıktı dosyaları</translation>
    </message>
    <message>
        <source>Save artefact</source>
        <translation>Çıktı dosyasını kaydet</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} kaydedildi.</translation>
    </message>
    <message>
        <source>This job made no files.</source>
        <translation>Bu iş dosya üretmedi.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Not anchored outside the database: set {variable} (or the keyring entry {entry}) to a secret the database does not hold, so that a rewritten chain is noticed.</source>
        <translation>Veritabanı dışında sabitlenmedi: yeniden yazılmış bir zincirin fark edilmesi için {variable} değişkenine (ya da anahtarlıktaki {entry} kaydına) veritabanının bilmediği bir gizli anahtar verin.</translation>
    </message>
    <message>
        <source>The audit anchor key ({variable} or the keyring entry {entry}) is too short: use at least {length} random characters (e.g. `openssl rand -hex 32`).</source>
        <translation>Denetim çapası anahtarı ({variable} ya da anahtarlıktaki {entry} kaydı) çok kısa: en az {length} rastgele karakter kullanın (örn. `openssl rand -hex 32`).</translation>
    </message>
    <message>
        <source>The audit anchor {key} does not follow the one before it: an anchor was removed or replaced.</source>
        <translation>{key} denetim çapası kendinden öncekinin devamı değil: bir çapa silinmiş ya da değiştirilmiş.</translation>
    </message>
    <message>
        <source>The audit anchor {key} is not valid: {reason}.</source>
        <translation>{key} denetim çapası geçersiz: {reason}.</translation>
    </message>
    <message>
        <source>it lies among entries anchored outside the database on {when} but was not one of them (inserted afterwards)</source>
        <translation>{when} tarihinde veritabanı dışında sabitlenen kayıtların arasında duruyor ama onlardan biri değildi (sonradan eklenmiş)</translation>
    </message>
    <message>
        <source>it was anchored outside the database on {when} but is missing now (the chain was truncated or the entry removed)</source>
        <translation>{when} tarihinde veritabanı dışında sabitlenmişti ama artık yok (zincir kısaltılmış ya da kayıt silinmiş)</translation>
    </message>
    <message>
        <source>its chain_hash differs from the one anchored outside the database on {when} (the chain was rewritten from here on)</source>
        <translation>chain_hash değeri {when} tarihinde veritabanı dışında sabitlenenden farklı (zincir buradan itibaren yeniden yazılmış)</translation>
    </message>
    <message>
        <source>locked by S3 Object Lock</source>
        <translation>S3 Object Lock ile kilitli</translation>
    </message>
    <message>
        <source>matches the {count} anchors kept outside the database (up to entry {id})</source>
        <translation>veritabanı dışında tutulan {count} çapayla uyuşuyor ({id} numaralı kayda kadar)</translation>
    </message>
    <message>
        <source>new anchor up to entry {id}: {key} ({lock})</source>
        <translation>{id} numaralı kayda kadar yeni çapa: {key} ({lock})</translation>
    </message>
    <message>
        <source>not locked: the store has no Object Lock</source>
        <translation>kilitli değil: depoda Object Lock yok</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>İşlem türü</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Değişiklikler</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Kayıt</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Ara</translation>
    </message>
    <message>
        <source>Search action, user or content</source>
        <translation>İşlem türü, kullanıcı ya da içerik ara</translation>
    </message>
    <message>
        <source>The audit chain is BROKEN at entry {id}: {reason}.</source>
        <translation>Denetim zinciri {id} numaralı kayıtta KIRIK: {reason}.</translation>
    </message>
    <message>
        <source>The audit chain is intact: {count} entries verified.</source>
        <translation>Denetim zinciri sağlam: {count} kayıt doğrulandı.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Kullanıcı</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Zinciri doğrula</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Denetim zinciri doğrulanıyor…</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistem</translation>
    </message>
</context>
<context>
    <name>Billing</name>
    <message>
        <source> and no </source>
        <translation> ve </translation>
    </message>
    <message>
        <source>A payment with the provider reference &apos;{reference}&apos; is recorded already.</source>
        <translation>&apos;{reference}&apos; sağlayıcı referanslı bir ödeme zaten kayıtlı.</translation>
    </message>
    <message>
        <source>A refund of {amount} is more than the {left} left of payment #{id} ({paid}, {refunded} refunded already).</source>
        <translation>{amount} tutarındaki iade, ödeme #{id} için kalan {left} tutarından fazla ({paid}; {refunded} zaten iade edildi).</translation>
    </message>
    <message>
        <source>A trial is not sold; choose basic, professional or enterprise.</source>
        <translation>Deneme lisansı satılmaz; basic, professional veya enterprise seçin.</translation>
    </message>
    <message>
        <source>Invoice draft #{id} has no number yet; issue it first.</source>
        <translation>Fatura taslağı #{id} henüz numara almadı; önce faturayı kesin.</translation>
    </message>
    <message>
        <source>Invoice draft #{id} was issued already.</source>
        <translation>Fatura taslağı #{id} zaten kesildi.</translation>
    </message>
    <message>
        <source>Invoice {label} has payments; refund them before cancelling it.</source>
        <translation>{label} faturasının ödemeleri var; faturayı iptal etmeden önce ödemeleri iade edin.</translation>
    </message>
    <message>
        <source>Invoice {label} is cancelled; it stays so.</source>
        <translation>{label} faturası iptal edildi; bu değiştirilemez.</translation>
    </message>
    <message>
        <source>Invoice {label} is paid; refund it before cancelling.</source>
        <translation>{label} faturası ödendi; iptal etmeden önce ödemeyi iade edin.</translation>
    </message>
    <message>
        <source>Invoice {label} is {status}, not a draft.</source>
        <translation>{label} faturası {status}, taslak değil.</translation>
    </message>
    <message>
        <source>Invoice {label} is {status}; payments are recorded for issued, unpaid invoices.</source>
        <translation>{label} faturası {status}; ödemeler kesilmiş ve ödenmemiş faturalara kaydedilir.</translation>
    </message>
    <message>
        <source>Payment #{id} is {status}; nothing to refund.</source>
        <translation>Ödeme #{id}: {status}; iade edilecek bir şey yok.</translation>
    </message>
    <message>
        <source>The billing period ends ({end}) before it starts ({start}).</source>
        <translation>Fatura dönemi başlamadan ({start}) önce bitiyor ({end}).</translation>
    </message>
    <message>
        <source>The buyer {email} has no {missing}; complete the user&apos;s profile before invoicing.</source>
        <translation>{email} alıcısının {missing} bilgisi eksik; fatura kesmeden önce kullanıcının profilini tamamlayın.</translation>
    </message>
    <message>
        <source>The due date {date} is in the past.</source>
        <translation>{date} vade tarihi geçmişte.</translation>
    </message>
    <message>
        <source>The due date {date} is more than a year away.</source>
        <translation>{date} vade tarihi bir yıldan daha ileride.</translation>
    </message>
    <message>
        <source>The fee {fee} is not less than the payment amount {amount}.</source>
        <translation>{fee} tutarındaki kesinti, {amount} olan ödeme tutarından az değil.</translation>
    </message>
    <message>
        <source>The invoice PDF is {size} bytes; at most {limit} are kept.</source>
        <translation>Fatura PDF&apos;i {size} bayt; en fazla {limit} bayt saklanır.</translation>
    </message>
    <message>
        <source>The invoice file is not a PDF.</source>
        <translation>Fatura dosyası bir PDF değil.</translation>
    </message>
    <message>
        <source>The invoice number prefix &apos;{prefix}&apos; must be 3 capital letters or digits.</source>
        <translation>Fatura numarası öneki &apos;{prefix}&apos; 3 büyük harf veya rakamdan oluşmalıdır.</translation>
    </message>
    <message>
        <source>The license would end ({end}) before its paid period starts ({start}).</source>
        <translation>Lisans, ödenen dönemi başlamadan ({start}) önce bitecekti ({end}).</translation>
    </message>
    <message>
        <source>The payment is in {currency} but invoice {number} is in {invoiced}.</source>
        <translation>Ödeme {currency} cinsinden, ancak {number} faturası {invoiced} cinsinden.</translation>
    </message>
    <message>
        <source>The payment of {amount} is more than the {owed} still owed on {number}.</source>
        <translation>{amount} tutarındaki ödeme, {number} faturasında kalan {owed} borçtan fazla.</translation>
    </message>
    <message>
        <source>The payment provider &apos;{provider}&apos; must be a short name such as iyzico, stripe or bank.</source>
        <translation>Ödeme sağlayıcısı &apos;{provider}&apos; iyzico, stripe veya bank gibi kısa bir ad olmalıdır.</translation>
    </message>
    <message>
        <source>The payment&apos;s processing time is in the future.</source>
        <translation>Ödemenin işlem zamanı gelecekte.</translation>
    </message>
    <message>
        <source>The {what} contains control characters.</source>
        <translation>{what} kontrol karakterleri içeriyor.</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit} characters.</source>
        <translation>{what} {limit} karakterden uzun.</translation>
    </message>
    <message>
        <source>The {what} is required.</source>
        <translation>{what} zorunludur.</translation>
    </message>
    <message>
        <source>There is no invoice #{id}.</source>
        <translation>Fatura #{id} yok.</translation>
    </message>
    <message>
        <source>There is no license #{id}.</source>
        <translation>Lisans #{id} yok.</translation>
    </message>
    <message>
        <source>There is no payment #{id}.</source>
        <translation>Ödeme #{id} yok.</translation>
    </message>
    <message>
        <source>There is no user with id {id}.</source>
        <translation>{id} kimlikli bir kullanıcı yok.</translation>
    </message>
    <message>
        <source>Unknown invoice type &apos;{type}&apos;; use {types}.</source>
        <translation>Bilinmeyen fatura türü &apos;{type}&apos;; şunlardan birini kullanın: {types}.</translation>
    </message>
    <message>
        <source>Unknown payment method &apos;{method}&apos;; use bank_transfer or card.</source>
        <translation>Bilinmeyen ödeme yöntemi &apos;{method}&apos;; bank_transfer veya card kullanın.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>şirket adı</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>taslak</translation>
    </message>
    <message>
        <source>draft #{id}</source>
        <translation>taslak #{id}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notlar</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vadesi geçmiş</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>ödendi</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>bekliyor</translation>
    </message>
    <message>
        <source>provider reference</source>
        <translation>sağlayıcı referansı</translation>
    </message>
    <message>
        <source>reason for cancelling</source>
        <translation>iptal gerekçesi</translation>
    </message>
    <message>
        <source>refund reason</source>
        <translation>iade gerekçesi</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>iade edildi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gönderildi</translation>
    </message>
    <message>
        <source>tax number (VKN/TCKN)</source>
        <translation>vergi numarası (VKN/TCKN)</translation>
    </message>
    <message>
        <source>tax office</source>
        <translation>vergi dairesi</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <source>1 model</source>
        <translation>1 model</translation>
    </message>
    <message>
        <source>A family member with other spreadsheet values</source>
        <translation>Aynı aileden, başka tablo değerleriyle bir model</translation>
    </message>
    <message>
        <source>A mesh has no exact geometry to write as STEP.</source>
        <translation>Bir ağ (mesh) modelinin STEP olarak yazılacak kesin geometrisi yoktur.</translation>
    </message>
    <message>
        <source>All formats</source>
        <translation>Tüm biçimler</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tüm türler</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Her zaman</translation>
    </message>
    <message>
        <source>As uploaded ({format})…</source>
        <translation>Yüklendiği gibi ({format})…</translation>
    </message>
    <message>
        <source>As uploaded…</source>
        <translation>Yüklendiği gibi…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>İptal edildi; hiçbir şey kaydedilmedi.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Download model</source>
        <translation>Modeli indir</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>İndiriliyor</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>İndir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Biçim</translation>
    </message>
    <message>
        <source>Generate variant…</source>
        <translation>Varyant üret…</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Son 30 gün</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Son 7 gün</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Son bir yıl</translation>
    </message>
    <message>
        <source>Load more…</source>
        <translation>Devamını yükle…</translation>
    </message>
    <message>
        <source>Measuring the mesh failed: {reason}</source>
        <translation>Ağ ölçülemedi: {reason}</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Benimkiler</translation>
    </message>
    <message>
        <source>Models (*.FCStd *.step *.stp *.stl)</source>
        <translation>Modeller (*.FCStd *.step *.stp *.stl)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>No projects yet. Upload a model to start one.</source>
        <translation>Henüz proje yok. Başlatmak için bir model yükleyin.</translation>
    </message>
    <message>
        <source>Not derived yet: a worker makes it after the upload.</source>
        <translation>Henüz türetilmedi: yüklemeden sonra bir işleyici oluşturur.</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Eşleşen bir şey yok.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Open document: </source>
        <translation>Açık belge: </translation>
    </message>
    <message>
        <source>Open this version in FreeCAD</source>
        <translation>Bu sürümü FreeCAD&apos;de aç</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Sahibi</translation>
    </message>
    <message>
        <source>STEP…</source>
        <translation>STEP…</translation>
    </message>
    <message>
        <source>STL…</source>
        <translation>STL…</translation>
    </message>
    <message>
        <source>Saved {path} (SHA-256 verified).</source>
        <translation>{path} kaydedildi (SHA-256 doğrulandı).</translation>
    </message>
    <message>
        <source>Search names, or key:value (material:C45)</source>
        <translation>Ad ara ya da anahtar:değer (material:C45)</translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation>Ayrıntılarını görmek için bir model seçin.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Boyut</translation>
    </message>
    <message>
        <source>Size: pending (a job measures the mesh)</source>
        <translation>Boyut: bekliyor (bir iş ağı ölçüyor)</translation>
    </message>
    <message>
        <source>Size: {x} × {y} × {z} mm</source>
        <translation>Boyut: {x} × {y} × {z} mm</translation>
    </message>
    <message>
        <source>Upload file…</source>
        <translation>Dosya yükle…</translation>
    </message>
    <message>
        <source>Upload model</source>
        <translation>Model yükle</translation>
    </message>
    <message>
        <source>Upload this document</source>
        <translation>Bu belgeyi yükle</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Yükleniyor</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>Sür.</translation>
    </message>
    <message>
        <source>Volume: {v} mm³</source>
        <translation>Hacim: {v} mm³</translation>
    </message>
    <message>
        <source>by {owner}, {when}</source>
        <translation>{owner}, {when}</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>resim yok</translation>
    </message>
    <message>
        <source>no picture:
the job failed</source>
        <translation>resim yok:
iş başarısız oldu</translation>
    </message>
    <message>
        <source>picture
pending…</source>
        <translation>resim
hazırlanıyor…</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>sürüm {v}</translation>
    </message>
    <message>
        <source>{n} models</source>
        <translation>{n} model</translation>
    </message>
</context>
<context>
    <name>CNC_CamSetup</name>
    <message>
        <source>CAM Setup</source>
        <translation>CAM Bağlama</translation>
    </message>
    <message>
        <source>Machine, tool and material for the part; feeds and speeds; G-code</source>
        <translation>Parça için tezgah, takım ve malzeme; ilerleme ve devirler; G kodu</translation>
    </message>
</context>
<context>
    <name>CNC_Jobs</name>
    <message>
        <source>CAM and simulation jobs with their progress</source>
        <translation>CAM ve simülasyon işleri, ilerleme durumlarıyla</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>İşler</translation>
    </message>
</context>
<context>
    <name>CNC_Login</name>
    <message>
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <source>Log in to the shop&apos;s platform</source>
        <translation>Atölyenin platformuna giriş yapın</translation>
    </message>
</context>
<context>
    <name>CNC_ProjectsModels</name>
    <message>
        <source>Browse projects, models and their versions</source>
        <translation>Projelere, modellere ve sürümlerine göz atın</translation>
    </message>
    <message>
        <source>Projects &amp;&amp; Models</source>
        <translation>Projeler &amp;&amp; Modeller</translation>
    </message>
</context>
<context>
    <name>CNC_Settings</name>
    <message>
        <source>Connection and administration</source>
        <translation>Bağlantı ve yönetim</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
</context>
<context>
    <name>CNC_SimulationReview</name>
    <message>
        <source>Review simulated runs and their collisions; approve or reject</source>
        <translation>Simüle edilen programları ve çarpışmalarını inceleyin; onaylayın ya da reddedin</translation>
    </message>
    <message>
        <source>Simulation Review</source>
        <translation>Simülasyon İnceleme</translation>
    </message>
</context>
<context>
    <name>Cad</name>
    <message>
        <source>&apos;{item}&apos; is not NAME=VALUE (e.g. Length=120).</source>
        <translation>&apos;{item}&apos;, AD=DEĞER biçiminde değil (örneğin Length=120).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no spreadsheet parameters (cells with an alias) to set.</source>
        <translation>&apos;{name}&apos; modelinde ayarlanacak tablo parametresi (takma adı olan hücre) yok.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {format}: only FCStd and STEP models have derived files.</source>
        <translation>&apos;{name}&apos; bir {format} dosyası: türetilmiş dosyaları yalnız FCStd ve STEP modellerinin olur.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {format}: only FreeCAD documents (FCStd) with a spreadsheet of parameters make variants.</source>
        <translation>&apos;{name}&apos; bir {format} dosyası: varyantı yalnız parametre tablosu olan FreeCAD belgeleri (FCStd) üretebilir.</translation>
    </message>
    <message>
        <source>A derived file is {formats}, not &apos;{kind}&apos;.</source>
        <translation>Türetilmiş dosya {formats} olur, &apos;{kind}&apos; değil.</translation>
    </message>
    <message>
        <source>At most {count} parameters at once.</source>
        <translation>Bir seferde en çok {count} parametre verilebilir.</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Model indiriliyor</translation>
    </message>
    <message>
        <source>FreeCAD did not save the variant&apos;s document.</source>
        <translation>FreeCAD varyantın belgesini kaydetmedi.</translation>
    </message>
    <message>
        <source>FreeCAD: recomputing, measuring and exporting</source>
        <translation>FreeCAD: yeniden hesaplanıyor, ölçülüyor ve dışa aktarılıyor</translation>
    </message>
    <message>
        <source>FreeCAD: setting the parameters and recomputing</source>
        <translation>FreeCAD: parametreler ayarlanıyor ve yeniden hesaplanıyor</translation>
    </message>
    <message>
        <source>Give at least one parameter to change (e.g. Length=120).</source>
        <translation>Değiştirilecek en az bir parametre verin (örneğin Length=120).</translation>
    </message>
    <message>
        <source>Model {id} is gone (deleted).</source>
        <translation>Model {id} artık yok (silinmiş).</translation>
    </message>
    <message>
        <source>Only FreeCAD documents (FCStd) have spreadsheet parameters.</source>
        <translation>Tablo parametreleri yalnız FreeCAD belgelerinde (FCStd) bulunur.</translation>
    </message>
    <message>
        <source>Recording the new model</source>
        <translation>Yeni model kaydediliyor</translation>
    </message>
    <message>
        <source>Recording the results</source>
        <translation>Sonuçlar kaydediliyor</translation>
    </message>
    <message>
        <source>Storing the files</source>
        <translation>Dosyalar kaydediliyor</translation>
    </message>
    <message>
        <source>The model has no parameter &apos;{name}&apos;; its parameters are {names}.</source>
        <translation>Modelin &apos;{name}&apos; adlı bir parametresi yok; parametreleri şunlar: {names}.</translation>
    </message>
    <message>
        <source>There is no model {id}.</source>
        <translation>{id} numaralı model yok.</translation>
    </message>
    <message>
        <source>There is no {format} of {name} v{version} yet: a worker makes it after the upload (the Jobs panel shows how that went).</source>
        <translation>{name} v{version} için henüz {format} yok: yüklemeden sonra bir işleyici oluşturur (nasıl gittiğini İşler paneli gösterir).</translation>
    </message>
    <message>
        <source>cad_generate needs the model_id of a stored model version</source>
        <translation>cad_generate, kayıtlı bir model sürümünün model_id değerini ister</translation>
    </message>
    <message>
        <source>cad_generate: parameters must be an object of NAME: VALUE</source>
        <translation>cad_generate: parameters, AD: DEĞER çiftlerinden oluşan bir nesne olmalı</translation>
    </message>
    <message>
        <source>{format} models have no derived files.</source>
        <translation>{format} modellerinin türetilmiş dosyası olmaz.</translation>
    </message>
    <message>
        <source>{name} is given twice.</source>
        <translation>{name} iki kez verilmiş.</translation>
    </message>
    <message>
        <source>{name} takes a number, not &apos;{text}&apos;.</source>
        <translation>{name} bir sayı alır, &apos;{text}&apos; değil.</translation>
    </message>
    <message>
        <source>{name} takes a whole number, not &apos;{text}&apos;.</source>
        <translation>{name} bir tam sayı alır, &apos;{text}&apos; değil.</translation>
    </message>
    <message>
        <source>{name} v{version} is a mesh (STL): it has no exact geometry to write as STEP.</source>
        <translation>{name} v{version} bir ağ (STL) modeli: STEP olarak yazılacak kesin geometrisi yok.</translation>
    </message>
    <message>
        <source>{name}: give a value of 1 to 100 characters.</source>
        <translation>{name}: 1 ile 100 karakter arasında bir değer verin.</translation>
    </message>
</context>
<context>
    <name>Cam</name>
    <message>
        <source>#{id} {machine} ({post}, {offset}), posted from #{source}</source>
        <translation>#{id} {machine} ({post}, {offset}), #{source} çalışmasından post edildi</translation>
    </message>
    <message>
        <source>&apos;{document}&apos; has no solid to machine (a sketch or a surface is not a part).</source>
        <translation>&apos;{document}&apos; içinde tezgahta işlenecek bir katı yok (eskiz ya da yüzey bir parça değildir).</translation>
    </message>
    <message>
        <source>A setup needs a name of 1 to 255 characters.</source>
        <translation>Bağlamanın adı 1 ile 255 karakter arasında olmalı.</translation>
    </message>
    <message>
        <source>A setup needs at least one operation.</source>
        <translation>Bir bağlamada en az bir işlem olmalı.</translation>
    </message>
    <message>
        <source>An STL mesh has no exact faces to machine: upload the part as FCStd or STEP.</source>
        <translation>STL ağında tezgahta işlenecek kesin yüzeyler yok: parçayı FCStd ya da STEP olarak yükleyin.</translation>
    </message>
    <message>
        <source>CAM run {run} has no finished program to post again.</source>
        <translation>CAM çalışması {run} için yeniden post edilecek bitmiş bir program yok.</translation>
    </message>
    <message>
        <source>CAM run {run} has no setup (stock, fixtures): it cannot be posted again.</source>
        <translation>CAM çalışması {run} için bağlama (ham parça, bağlama elemanları) yok: yeniden post edilemez.</translation>
    </message>
    <message>
        <source>CAM run {run} kept no FreeCAD CAM document to post again from: run CAM again for its setup.</source>
        <translation>CAM çalışması {run}, yeniden post edilecek bir FreeCAD CAM belgesi saklamamış: bağlaması için CAM&apos;i yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>CAM run {run} records its tools in an old form: {error}</source>
        <translation>CAM çalışması {run} takımlarını eski bir biçimde kaydetmiş: {error}</translation>
    </message>
    <message>
        <source>CNC Workbench: toolpaths</source>
        <translation>CNC Workbench: takım yolları</translation>
    </message>
    <message>
        <source>Checking the G-code</source>
        <translation>G kodu kontrol ediliyor</translation>
    </message>
    <message>
        <source>Downloading the CAM document</source>
        <translation>CAM belgesi indiriliyor</translation>
    </message>
    <message>
        <source>Drawing the setup sheet</source>
        <translation>Bağlama föyü çiziliyor</translation>
    </message>
    <message>
        <source>FreeCAD cannot open the CAM document: {detail}</source>
        <translation>FreeCAD CAM belgesini açamıyor: {detail}</translation>
    </message>
    <message>
        <source>FreeCAD cannot open the model: {detail}</source>
        <translation>FreeCAD modeli açamıyor: {detail}</translation>
    </message>
    <message>
        <source>FreeCAD cannot open {what}: {detail}</source>
        <translation>FreeCAD şunu açamıyor ({what}): {detail}</translation>
    </message>
    <message>
        <source>FreeCAD did not finish {script} within {seconds} s.</source>
        <translation>FreeCAD {script} betiğini {seconds} sn içinde bitirmedi.</translation>
    </message>
    <message>
        <source>FreeCAD failed ({stage}): {kind}: {detail}</source>
        <translation>FreeCAD başarısız oldu ({stage}): {kind}: {detail}</translation>
    </message>
    <message>
        <source>FreeCAD is not installed (freecadcmd not found): install it (Debian: apt install freecad) to read FCStd and STEP geometry.</source>
        <translation>FreeCAD kurulu değil (freecadcmd bulunamadı): FCStd ve STEP geometrisini okumak için kurun (Debian: apt install freecad).</translation>
    </message>
    <message>
        <source>FreeCAD made no toolpath for {operation} with T{tool}: check the tool against the feature sizes and the depths.</source>
        <translation>FreeCAD, T{tool} ile {operation} için takım yolu üretmedi: takımı unsur ölçülerine ve derinliklere göre kontrol edin.</translation>
    </message>
    <message>
        <source>FreeCAD stopped without an answer (exit {code}): {output}</source>
        <translation>FreeCAD yanıt vermeden durdu (çıkış kodu {code}): {output}</translation>
    </message>
    <message>
        <source>FreeCAD was stopped by its limits while running {script} (at most {seconds} s of CPU time and {gigabytes} GB of memory): the document is too large or hostile.</source>
        <translation>FreeCAD, {script} çalışırken sınırlarına takılıp durduruldu (en fazla {seconds} sn işlemci süresi ve {gigabytes} GB bellek): belge çok büyük ya da zararlı.</translation>
    </message>
    <message>
        <source>FreeCAD {version} has no {post} post-processor.</source>
        <translation>FreeCAD {version} içinde {post} post-işlemcisi yok.</translation>
    </message>
    <message>
        <source>FreeCAD {version}&apos;s heidenhain post-processor cannot write programs (it needs a CAM module that FreeCAD 1.0 removed): post for this Heidenhain control with FreeCAD 0.20, or choose a machine with another control.</source>
        <translation>FreeCAD {version} sürümünün heidenhain post-işlemcisi program yazamıyor (FreeCAD 1.0&apos;ın kaldırdığı bir CAM modülüne ihtiyaç duyuyor): bu Heidenhain kontrol ünitesi için FreeCAD 0.20 ile post edin ya da başka kontrol ünitesi olan bir tezgah seçin.</translation>
    </message>
    <message>
        <source>FreeCAD: building toolpaths</source>
        <translation>FreeCAD: takım yolları oluşturuluyor</translation>
    </message>
    <message>
        <source>FreeCAD: posting for {machine} ({post})</source>
        <translation>FreeCAD: {machine} için post ediliyor ({post})</translation>
    </message>
    <message>
        <source>LinuxCNC&apos;s interpreter checks the program</source>
        <translation>LinuxCNC yorumlayıcısı programı kontrol ediyor</translation>
    </message>
    <message>
        <source>LinuxCNC&apos;s interpreter rejects the program: {reason}</source>
        <translation>LinuxCNC yorumlayıcısı programı reddediyor: {reason}</translation>
    </message>
    <message>
        <source>Model version {model_id} is gone (deleted).</source>
        <translation>Model sürümü {model_id} artık yok (silinmiş).</translation>
    </message>
    <message>
        <source>Open the part&apos;s document first.</source>
        <translation>Önce parçanın belgesini açın.</translation>
    </message>
    <message>
        <source>Operation {number} names a tool that is not in the catalog.</source>
        <translation>{number}. işlem katalogda olmayan bir takımı gösteriyor.</translation>
    </message>
    <message>
        <source>Operation {number}: stock to leave must be 0 to {most} mm, not {value}.</source>
        <translation>İşlem {number}: bırakılacak ham parça payı 0 ile {most} mm arasında olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>Posted again from CAM run #{run} ({machine}, {post}, {offset}) without recomputing.</source>
        <translation>CAM çalışması #{run} ({machine}, {post}, {offset}) yeniden hesaplanmadan yeniden post edildi.</translation>
    </message>
    <message>
        <source>Simulating what the toolpaths remove</source>
        <translation>Takım yollarının kaldırdığı talaş simüle ediliyor</translation>
    </message>
    <message>
        <source>Storing the results</source>
        <translation>Sonuçlar kaydediliyor</translation>
    </message>
    <message>
        <source>The CAM document has no toolpath for {operation}: run CAM again for this setup.</source>
        <translation>CAM belgesinde {operation} için takım yolu yok: bu bağlama için CAM&apos;i yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>The CAM document holds no CAM job to post.</source>
        <translation>CAM belgesinde post edilecek bir CAM işi yok.</translation>
    </message>
    <message>
        <source>The CAM document holds {count} CAM jobs and none is labelled {label}.</source>
        <translation>CAM belgesinde {count} CAM işi var ve hiçbirinin etiketi {label} değil.</translation>
    </message>
    <message>
        <source>The CAM document&apos;s job has no active operations to post.</source>
        <translation>CAM belgesindeki işte post edilecek etkin bir işlem yok.</translation>
    </message>
    <message>
        <source>The model is not a solid (it has no closed volume to machine).</source>
        <translation>Model bir katı değil (tezgahta işlenecek kapalı bir hacmi yok).</translation>
    </message>
    <message>
        <source>The plan needs at least one tool and one operation.</source>
        <translation>Planda en az bir takım ve bir işlem olmalı.</translation>
    </message>
    <message>
        <source>The program feeds at up to {feed} mm/min; {machine} feeds at most {limit} mm/min (its control will slow down).</source>
        <translation>Program {feed} mm/dk&apos;ya kadar ilerleme kullanıyor; {machine} tezgahında ilerleme en fazla {limit} mm/dk (kontrol ünitesi yavaşlatır).</translation>
    </message>
    <message>
        <source>The program is already posted for {machine} with {offset}: pick another machine or another work offset.</source>
        <translation>Program {machine} için {offset} ile zaten post edildi: başka bir tezgah ya da başka bir sıfır noktası seçin.</translation>
    </message>
    <message>
        <source>The program moves {axes} as well as X, Y and Z; {machine} has {count} axes.</source>
        <translation>Program X, Y ve Z&apos;nin yanı sıra {axes} eksenini de hareket ettiriyor; {machine} tezgahı {count} eksenli.</translation>
    </message>
    <message>
        <source>The program moves {span} mm in {axis} ({low} to {high}); {machine} travels {limit} mm.</source>
        <translation>Program {axis} ekseninde {span} mm hareket ediyor ({low} ile {high} arası); {machine} tezgahının kursu {limit} mm.</translation>
    </message>
    <message>
        <source>The setup&apos;s machine or material is no longer in the catalog.</source>
        <translation>Bağlamanın tezgahı ya da malzemesi artık katalogda yok.</translation>
    </message>
    <message>
        <source>The stock must have a positive size, not {size}.</source>
        <translation>Ham parçanın ölçüleri pozitif olmalı, {size} değil.</translation>
    </message>
    <message>
        <source>The {post} post wrote G-code we cannot read: {error}</source>
        <translation>{post} post-işlemcisinin yazdığı G kodu okunamıyor: {error}</translation>
    </message>
    <message>
        <source>The {post} post-processor rejected its arguments {arguments}</source>
        <translation>{post} post-işlemcisi argümanlarını reddetti: {arguments}</translation>
    </message>
    <message>
        <source>There is no CAM run {run}.</source>
        <translation>{run} numaralı CAM çalışması yok.</translation>
    </message>
    <message>
        <source>There is no machine {machine} in the catalog.</source>
        <translation>Katalogda {machine} numaralı tezgah yok.</translation>
    </message>
    <message>
        <source>There is no setup {setup_id}.</source>
        <translation>{setup_id} numaralı bağlama yok.</translation>
    </message>
    <message>
        <source>Unknown operation &apos;{kind}&apos;; one of {kinds}.</source>
        <translation>Bilinmeyen işlem &apos;{kind}&apos;; şunlardan biri olmalı: {kinds}.</translation>
    </message>
    <message>
        <source>Work offset must be G54..G59, not &apos;{offset}&apos;.</source>
        <translation>Sıfır noktası G54..G59 olmalı, &apos;{offset}&apos; değil.</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>adaptif boşaltma</translation>
    </message>
    <message>
        <source>drilling</source>
        <translation>delme</translation>
    </message>
    <message>
        <source>facing</source>
        <translation>yüzey frezeleme</translation>
    </message>
    <message>
        <source>gcode_post needs the cam_run_id of a CAM run and a machine_id</source>
        <translation>gcode_post, bir CAM çalışmasının cam_run_id değerini ve bir tezgahın machine_id değerini ister</translation>
    </message>
    <message>
        <source>helical milling</source>
        <translation>helisel frezeleme</translation>
    </message>
    <message>
        <source>no shape in it</source>
        <translation>içinde şekil yok</translation>
    </message>
    <message>
        <source>part coordinates: X/Y/Z zero as modelled</source>
        <translation>parça koordinatları: X/Y/Z sıfırı modeldeki gibi</translation>
    </message>
    <message>
        <source>pocket</source>
        <translation>cep</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>stepdown reduced to {depth} mm to stay within the spindle&apos;s {power} kW.</source>
        <translation>iş milinin {power} kW gücünü aşmamak için kademe derinliği {depth} mm&apos;ye düşürüldü.</translation>
    </message>
    <message>
        <source>the {kind} file cannot be read ({detail})</source>
        <translation>{kind} dosyası okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>{have} in stock, minimum {minimum}</source>
        <translation>stokta {have} adet, en az {minimum}</translation>
    </message>
    <message>
        <source>{machine} cannot run CAM run {run}&apos;s program: {reasons}</source>
        <translation>{machine}, CAM çalışması {run} programını çalıştıramaz: {reasons}</translation>
    </message>
    <message>
        <source>{machine} is a lathe; these are milling toolpaths.</source>
        <translation>{machine} bir torna; bunlar frezeleme takım yolları.</translation>
    </message>
    <message>
        <source>{machine} is retired from the catalog.</source>
        <translation>{machine} katalogdan kaldırılmış.</translation>
    </message>
    <message>
        <source>{operation} in the CAM document has no tool controller.</source>
        <translation>CAM belgesindeki {operation} işleminin takım denetleyicisi yok.</translation>
    </message>
    <message>
        <source>{operation}: no hole fits T{tool} (Ø{diameter} mm).</source>
        <translation>{operation}: T{tool} takımına (Ø{diameter} mm) uyan delik yok.</translation>
    </message>
    <message>
        <source>{operation}: no hole is left for T{tool} (Ø{diameter} mm) to mill: every hole is drilled, narrower than it, or deeper than its flutes.</source>
        <translation>{operation}: T{tool} (Ø{diameter} mm) takımının frezeleyeceği delik kalmadı: her delik ya deliniyor, ya takımdan dar ya da ağız boyundan derin.</translation>
    </message>
    <message>
        <source>{operation}: the part has no pocket open from the top.</source>
        <translation>{operation}: parçada üstten açık bir cep yok.</translation>
    </message>
    <message>
        <source>{tool} runs at {rpm} rpm; {machine}&apos;s spindle reaches {top} rpm.</source>
        <translation>{tool} {rpm} dev/dk ile dönüyor; {machine} tezgahının iş mili en fazla {top} dev/dk&apos;ya çıkar.</translation>
    </message>
    <message>
        <source>{tool} runs at {rpm} rpm; {machine}&apos;s spindle turns no slower than {bottom} rpm.</source>
        <translation>{tool} {rpm} dev/dk ile dönüyor; {machine} tezgahının iş mili {bottom} dev/dk&apos;nın altına inmez.</translation>
    </message>
</context>
<context>
    <name>CamCoverage</name>
    <message>
        <source>NOT MACHINED: hole Ø{size} mm at {where}: {reason}.</source>
        <translation>İŞLENMEDİ: {where} konumundaki Ø{size} mm delik: {reason}.</translation>
    </message>
    <message>
        <source>NOT MACHINED: pocket {size} mm, {depth} mm deep ({faces}): {reason}.</source>
        <translation>İŞLENMEDİ: {size} mm, {depth} mm derinliğinde cep ({faces}): {reason}.</translation>
    </message>
    <message>
        <source>NOT MACHINED: through-cut {size} mm at X{x} Y{y}: {reason}.</source>
        <translation>İŞLENMEDİ: X{x} Y{y} konumundaki {size} mm boydan boya kesim: {reason}.</translation>
    </message>
    <message>
        <source>T{tool} (Ø{diameter} mm) is wider than the pocket ({width} mm)</source>
        <translation>T{tool} (Ø{diameter} mm) cepten ({width} mm) geniş</translation>
    </message>
    <message>
        <source>T{tool}&apos;s {flutes} mm flutes are shorter than it is deep ({depth} mm)</source>
        <translation>T{tool} takımının {flutes} mm ağız boyu kesimin derinliğinden ({depth} mm) kısa</translation>
    </message>
    <message>
        <source>T{tool}&apos;s {flutes} mm flutes are shorter than the hole is deep ({depth} mm)</source>
        <translation>T{tool} matkabının {flutes} mm ağız boyu deliğin derinliğinden ({depth} mm) kısa</translation>
    </message>
    <message>
        <source>UNDERSIZE: hole Ø{size} mm at {where} is drilled Ø{drill} mm by T{tool}, {under} mm under: its wall stays on the part (the simulation against the design will find it); mill it helically or use a drill of its size.</source>
        <translation>ÖLÇÜ ALTI: {where} konumundaki Ø{size} mm delik T{tool} ile Ø{drill} mm delinir, {under} mm küçük: duvarı parçada kalır (tasarıma karşı simülasyon bunu bulur); helisel frezeleyin ya da kendi ölçüsünde bir matkap kullanın.</translation>
    </message>
    <message>
        <source>no drill of its size in the plan (drills: {drills} mm)</source>
        <translation>planda bu ölçüde matkap yok (matkaplar: {drills} mm)</translation>
    </message>
    <message>
        <source>no drill of its size, and the helical milling end mills ({mills} mm) do not fit it (narrower than the hole, flutes as long as it is deep)</source>
        <translation>bu ölçüde matkap yok ve helisel frezeleme parmak frezeleri ({mills} mm) uymuyor (delikten dar ve ağız boyu derinliği kadar olmalı)</translation>
    </message>
    <message>
        <source>no pocket operation names its floor</source>
        <translation>hiçbir cep işlemi tabanını seçmiyor</translation>
    </message>
    <message>
        <source>no profile operation contours the whole part (one naming no faces)</source>
        <translation>parçanın tamamını konturlayan (yüzey belirtmeyen) bir profil işlemi yok</translation>
    </message>
    <message>
        <source>the plan has no drilling operation</source>
        <translation>planda delme işlemi yok</translation>
    </message>
    <message>
        <source>the plan has no pocket or adaptive operation</source>
        <translation>planda cep ya da adaptif boşaltma işlemi yok</translation>
    </message>
    <message>
        <source>the profile&apos;s end mills ({mills} mm) do not fit it (the widest that goes round its inside is Ø{width} mm)</source>
        <translation>profilin parmak frezeleri ({mills} mm) sığmıyor (içini dolaşabilen en geniş freze Ø{width} mm)</translation>
    </message>
    <message>
        <source>{operation} repeats operation {number} (same tool, features and cutting data): left out, so nothing is machined twice.</source>
        <translation>{operation}, {number}. işlemi tekrarlıyor (aynı takım, özellikler ve kesme verileri): hiçbir şey iki kez işlenmesin diye çıkarıldı.</translation>
    </message>
</context>
<context>
    <name>CamPlan</name>
    <message>
        <source>Adaptive</source>
        <translation>Adaptif boşaltma</translation>
    </message>
    <message>
        <source>Drilling</source>
        <translation>Delme</translation>
    </message>
    <message>
        <source>Facing</source>
        <translation>Yüzey frezeleme</translation>
    </message>
    <message>
        <source>Helical milling</source>
        <translation>Helisel frezeleme</translation>
    </message>
    <message>
        <source>Operation uses tool {tool}, which is not in the tool list</source>
        <translation>İşlem {tool} takımını kullanıyor, ama bu takım takım listesinde yok</translation>
    </message>
    <message>
        <source>Pocket</source>
        <translation>Cep</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The setup has no operations.</source>
        <translation>Bağlamada hiç işlem yok.</translation>
    </message>
    <message>
        <source>The setup uses {count} tools; the machine holds {capacity}: some need a manual change.</source>
        <translation>Bağlama {count} takım kullanıyor; tezgah {capacity} takım alıyor: bazılarının elle değiştirilmesi gerekir.</translation>
    </message>
    <message>
        <source>The stock has no volume ({size} mm).</source>
        <translation>Ham parçanın hacmi yok ({size} mm).</translation>
    </message>
    <message>
        <source>The stock is {size} mm in {axis}, more than the machine&apos;s {travel} mm travel.</source>
        <translation>Ham parça {axis} ekseninde {size} mm; tezgahın {travel} mm kursundan fazla.</translation>
    </message>
    <message>
        <source>Two tools share a tool number.</source>
        <translation>İki takım aynı takım numarasını kullanıyor.</translation>
    </message>
    <message>
        <source>Unknown operation {kind}; known: {known}</source>
        <translation>Bilinmeyen işlem {kind}; bilinen işlemler: {known}</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>adaptif boşaltma</translation>
    </message>
    <message>
        <source>drilling</source>
        <translation>delme</translation>
    </message>
    <message>
        <source>facing</source>
        <translation>yüzey frezeleme</translation>
    </message>
    <message>
        <source>helical milling</source>
        <translation>helisel frezeleme</translation>
    </message>
    <message>
        <source>pocket</source>
        <translation>cep</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>{label}: a Ø{diameter} mm hole is {depth} mm deep, deeper than {tool}&apos;s {flutes} mm flutes.</source>
        <translation>{label}: Ø{diameter} mm bir delik {depth} mm derinliğinde; {tool} takımının {flutes} mm ağız boyundan derin.</translation>
    </message>
    <message>
        <source>{label}: helical milling needs an end mill, not the drill {tool}.</source>
        <translation>{label}: helisel frezeleme için {tool} matkabı değil, parmak freze gerekir.</translation>
    </message>
    <message>
        <source>{label}: stepdown {stepdown} mm is more than {tool}&apos;s {flutes} mm flutes.</source>
        <translation>{label}: kademe derinliği {stepdown} mm, {tool} takımının {flutes} mm ağız boyundan fazla.</translation>
    </message>
    <message>
        <source>{label}: stepover must be 1-100% of the tool, not {stepover}%.</source>
        <translation>{label}: yan adım takım çapının yüzde 1 ile 100&apos;ü arasında olmalı, %{stepover} değil.</translation>
    </message>
    <message>
        <source>{label}: the part has no pocket open from the top.</source>
        <translation>{label}: parçada üstten açık cep yok.</translation>
    </message>
    <message>
        <source>{label}: the part has no vertical holes to drill.</source>
        <translation>{label}: parçada delinecek dik delik yok.</translation>
    </message>
    <message>
        <source>{label}: the part is {height} mm tall; {tool}&apos;s flutes are {flutes} mm, so the profile cannot reach the bottom.</source>
        <translation>{label}: parça {height} mm yüksekliğinde; {tool} takımının ağız boyu {flutes} mm olduğundan profil tabana ulaşamaz.</translation>
    </message>
    <message>
        <source>{label}: the pocket is {depth} mm deep; {tool}&apos;s flutes are {flutes} mm.</source>
        <translation>{label}: cep {depth} mm derinliğinde; {tool} takımının ağız boyu {flutes} mm.</translation>
    </message>
    <message>
        <source>{label}: {tool} (Ø{diameter} mm) is larger than every hole (smallest Ø{smallest} mm).</source>
        <translation>{label}: {tool} (Ø{diameter} mm) bütün deliklerden büyük (en küçüğü Ø{smallest} mm).</translation>
    </message>
    <message>
        <source>{label}: {tool} (Ø{diameter} mm) is larger than the pocket ({size} mm, narrowest {width} mm).</source>
        <translation>{label}: {tool} (Ø{diameter} mm) cepten büyük ({size} mm, en dar yeri {width} mm).</translation>
    </message>
    <message>
        <source>{label}: {tool} cannot plunge (not centre cutting).</source>
        <translation>{label}: {tool} dalma yapamaz (merkezden kesmiyor).</translation>
    </message>
    <message>
        <source>{label}: {tool} is a drill; it cannot mill a {kind}.</source>
        <translation>{label}: {tool} bir matkap; {kind} işlemi yapamaz.</translation>
    </message>
    <message>
        <source>{name} ({length} mm with holder) over a {height} mm stock needs {needed} mm of Z travel; the machine has {travel} mm.</source>
        <translation>{name} (tutucusuyla {length} mm), {height} mm yüksekliğindeki ham parçanın üstünde {needed} mm Z kursu gerektirir; tezgahta {travel} mm var.</translation>
    </message>
    <message>
        <source>{name} has no diameter.</source>
        <translation>{name} için çap girilmemiş.</translation>
    </message>
    <message>
        <source>{name} has no spindle speed or feed.</source>
        <translation>{name} için devir veya ilerleme girilmemiş.</translation>
    </message>
    <message>
        <source>{name} is {length} mm long with its holder, longer than the machine&apos;s Z travel of {travel} mm.</source>
        <translation>{name} tutucusuyla birlikte {length} mm uzunluğunda; tezgahın {travel} mm olan Z kursundan uzun.</translation>
    </message>
    <message>
        <source>{name} is {length} mm long with its holder; the machine takes tools up to {limit} mm.</source>
        <translation>{name} tutucusuyla birlikte {length} mm uzunluğunda; tezgah en fazla {limit} mm uzunluğunda takım alıyor.</translation>
    </message>
    <message>
        <source>{name} is Ø{diameter} mm; the machine takes tools up to Ø{limit} mm.</source>
        <translation>{name} Ø{diameter} mm; tezgah en fazla Ø{limit} mm çapında takım alıyor.</translation>
    </message>
</context>
<context>
    <name>CamSetupPanel</name>
    <message>
        <source> mm around</source>
        <translation> mm çevresinde</translation>
    </message>
    <message>
        <source> mm on top</source>
        <translation> mm üstte</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not in the list</source>
        <translation>&apos;{name}&apos; listede yok</translation>
    </message>
    <message>
        <source>Adaptive clearing</source>
        <translation>Adaptif boşaltma</translation>
    </message>
    <message>
        <source>Add at least one operation (Tools tab).</source>
        <translation>En az bir işlem ekleyin (Takımlar sekmesi).</translation>
    </message>
    <message>
        <source>Add fixture</source>
        <translation>Bağlama elemanı ekle</translation>
    </message>
    <message>
        <source>Add operation with this tool</source>
        <translation>Bu takımla işlem ekle</translation>
    </message>
    <message>
        <source>Add operations from the Tools tab.</source>
        <translation>İşlemleri Takımlar sekmesinden ekleyin.</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tüm gruplar</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tüm türler</translation>
    </message>
    <message>
        <source>Any coating</source>
        <translation>Her kaplama</translation>
    </message>
    <message>
        <source>Any tool material</source>
        <translation>Her takım malzemesi</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>Eksen</translation>
    </message>
    <message>
        <source>Below minimum stock: reorder</source>
        <translation>Asgari stoğun altında: sipariş verin</translation>
    </message>
    <message>
        <source>Build the toolpaths in the open document and post them</source>
        <translation>Takım yollarını açık belgede oluşturup post edin</translation>
    </message>
    <message>
        <source>CAM Setup</source>
        <translation>CAM Bağlama</translation>
    </message>
    <message>
        <source>CAM job #{id} queued: follow it in the Jobs panel.</source>
        <translation>CAM işi #{id} sıraya alındı: İşler panelinden izleyin.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrol et</translation>
    </message>
    <message>
        <source>Coating</source>
        <translation>Kaplama</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Kontrol ünitesi</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Cutting power</source>
        <translation>Kesme gücü</translation>
    </message>
    <message>
        <source>Cutting speed</source>
        <translation>Kesme hızı</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Aşağı</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Model indiriliyor</translation>
    </message>
    <message>
        <source>Drilling</source>
        <translation>Delme</translation>
    </message>
    <message>
        <source>Engagement ae × ap</source>
        <translation>Kesme genişliği × derinliği (ae × ap)</translation>
    </message>
    <message>
        <source>Explicit box</source>
        <translation>Elle girilen kutu</translation>
    </message>
    <message>
        <source>Facing</source>
        <translation>Yüzey frezeleme</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>İlerleme</translation>
    </message>
    <message>
        <source>Feed (mm/min)</source>
        <translation>İlerleme (mm/dk)</translation>
    </message>
    <message>
        <source>Feed per tooth (programmed)</source>
        <translation>Diş başı ilerleme (programlanan)</translation>
    </message>
    <message>
        <source>Filter machines…</source>
        <translation>Tezgahları süz…</translation>
    </message>
    <message>
        <source>Fix the problems listed first.</source>
        <translation>Önce listelenen sorunları giderin.</translation>
    </message>
    <message>
        <source>Fixture / clamp</source>
        <translation>Bağlama elemanı / pabuç</translation>
    </message>
    <message>
        <source>Fixture {row}: the corners must be numbers.</source>
        <translation>Bağlama elemanı {row}: köşeler sayı olmalı.</translation>
    </message>
    <message>
        <source>Fixtures:</source>
        <translation>Bağlama elemanları:</translation>
    </message>
    <message>
        <source>Flute length (mm)</source>
        <translation>Ağız boyu (mm)</translation>
    </message>
    <message>
        <source>Flutes</source>
        <translation>Ağız</translation>
    </message>
    <message>
        <source>FreeCAD builds the toolpaths…</source>
        <translation>FreeCAD takım yollarını oluşturuyor…</translation>
    </message>
    <message>
        <source>FreeCAD failed: {error}</source>
        <translation>FreeCAD başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>FreeCAD measures the part</source>
        <translation>FreeCAD parçayı ölçüyor</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Kaynak:</translation>
    </message>
    <message>
        <source>G-code (*.ngc *.nc *.tap)</source>
        <translation>G kodu (*.ngc *.nc *.tap)</translation>
    </message>
    <message>
        <source>G-code ready: save it, or run on a worker.</source>
        <translation>G kodu hazır: kaydedin ya da bir işleyicide çalıştırın.</translation>
    </message>
    <message>
        <source>G-code saved to {path}.</source>
        <translation>G kodu {path} dosyasına kaydedildi.</translation>
    </message>
    <message>
        <source>Generate G-code</source>
        <translation>G kodu üret</translation>
    </message>
    <message>
        <source>Generate the G-code first.</source>
        <translation>Önce G kodunu üretin.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Kalite</translation>
    </message>
    <message>
        <source>Helical milling (holes)</source>
        <translation>Helisel frezeleme (delikler)</translation>
    </message>
    <message>
        <source>In stock only</source>
        <translation>Yalnız stokta olanlar</translation>
    </message>
    <message>
        <source>Leave (mm)</source>
        <translation>Pay (mm)</translation>
    </message>
    <message>
        <source>LinuxCNC&apos;s interpreter accepts it ({calls} moves).</source>
        <translation>LinuxCNC yorumlayıcısı programı kabul ediyor ({calls} hareket).</translation>
    </message>
    <message>
        <source>Machinability</source>
        <translation>İşlenebilirlik</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Tezgah</translation>
    </message>
    <message>
        <source>Machine &amp;&amp; material</source>
        <translation>Tezgah &amp;&amp; malzeme</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Malzeme</translation>
    </message>
    <message>
        <source>Material category:</source>
        <translation>Malzeme grubu:</translation>
    </message>
    <message>
        <source>Material this operation leaves on walls and floor for a later finishing operation; 0 cuts to size.</source>
        <translation>Bu işlemin sonraki bir bitirme işlemi için duvarlarda ve tabanda bıraktığı malzeme; 0 ölçüsüne keser.</translation>
    </message>
    <message>
        <source>Measure the part and check the setup against it</source>
        <translation>Parçayı ölçüp bağlamayı ona göre kontrol edin</translation>
    </message>
    <message>
        <source>Measuring the part…</source>
        <translation>Parça ölçülüyor…</translation>
    </message>
    <message>
        <source>Model version:</source>
        <translation>Model sürümü:</translation>
    </message>
    <message>
        <source>No cutting data yet: pick a machine and a material.</source>
        <translation>Henüz kesme verisi yok: bir tezgah ve bir malzeme seçin.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Sorun bulunmadı.</translation>
    </message>
    <message>
        <source>Only {have} in stock (minimum {minimum}).</source>
        <translation>Stokta yalnız {have} adet var (asgari {minimum}).</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>İşlemler</translation>
    </message>
    <message>
        <source>Part&apos;s bounding box + margins</source>
        <translation>Parçanın sınır kutusu + paylar</translation>
    </message>
    <message>
        <source>Pick a machine and a material.</source>
        <translation>Bir tezgah ve bir malzeme seçin.</translation>
    </message>
    <message>
        <source>Pick a model version first.</source>
        <translation>Önce bir model sürümü seçin.</translation>
    </message>
    <message>
        <source>Pick a tool first (Tools tab).</source>
        <translation>Önce bir takım seçin (Takımlar sekmesi).</translation>
    </message>
    <message>
        <source>Plunge feed</source>
        <translation>Dalma ilerlemesi</translation>
    </message>
    <message>
        <source>Pocket</source>
        <translation>Cep</translation>
    </message>
    <message>
        <source>Post a CAM run&apos;s toolpaths for another machine or work offset</source>
        <translation>Bir CAM çalışmasının takım yollarını başka tezgah ya da sıfır noktası için post edin</translation>
    </message>
    <message>
        <source>Post for another machine…</source>
        <translation>Başka tezgaha post et…</translation>
    </message>
    <message>
        <source>Post-processor</source>
        <translation>Post-işlemci</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>Güç (kW)</translation>
    </message>
    <message>
        <source>Profile (contour)</source>
        <translation>Profil (kontur)</translation>
    </message>
    <message>
        <source>Removal rate</source>
        <translation>Talaş kaldırma hızı</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Remove fixture</source>
        <translation>Bağlama elemanını kaldır</translation>
    </message>
    <message>
        <source>Run on worker</source>
        <translation>İşleyicide çalıştır</translation>
    </message>
    <message>
        <source>Save G-code</source>
        <translation>G kodunu kaydet</translation>
    </message>
    <message>
        <source>Save G-code…</source>
        <translation>G kodunu kaydet…</translation>
    </message>
    <message>
        <source>Save setup</source>
        <translation>Bağlamayı kaydet</translation>
    </message>
    <message>
        <source>Save the setup and queue a CAM job</source>
        <translation>Bağlamayı kaydedip bir CAM işini sıraya alın</translation>
    </message>
    <message>
        <source>Setup #{id} saved.</source>
        <translation>Bağlama #{id} kaydedildi.</translation>
    </message>
    <message>
        <source>Setup 1</source>
        <translation>Bağlama 1</translation>
    </message>
    <message>
        <source>Setup name:</source>
        <translation>Bağlama adı:</translation>
    </message>
    <message>
        <source>Specific cutting force</source>
        <translation>Özgül kesme kuvveti</translation>
    </message>
    <message>
        <source>Spindle (rpm)</source>
        <translation>Devir (dev/dk)</translation>
    </message>
    <message>
        <source>Spindle speed</source>
        <translation>Devir</translation>
    </message>
    <message>
        <source>Stepdown (mm)</source>
        <translation>Kademe derinliği (mm)</translation>
    </message>
    <message>
        <source>Stepdown:</source>
        <translation>Kademe derinliği:</translation>
    </message>
    <message>
        <source>Stepover (%)</source>
        <translation>Yan adım (%)</translation>
    </message>
    <message>
        <source>Stepover:</source>
        <translation>Yan adım:</translation>
    </message>
    <message>
        <source>Stock &amp;&amp; holding</source>
        <translation>Ham parça &amp;&amp; bağlama</translation>
    </message>
    <message>
        <source>Stock / minimum</source>
        <translation>Stok / asgari</translation>
    </message>
    <message>
        <source>Stock to leave:</source>
        <translation>Bırakılacak ham parça payı:</translation>
    </message>
    <message>
        <source>Stock {x} × {y} × {z} mm</source>
        <translation>Ham parça {x} × {y} × {z} mm</translation>
    </message>
    <message>
        <source>Stock:</source>
        <translation>Ham parça:</translation>
    </message>
    <message>
        <source>The open document</source>
        <translation>Açık belge</translation>
    </message>
    <message>
        <source>The part&apos;s size is not known yet: press Check, or give the stock explicitly.</source>
        <translation>Parçanın boyutu henüz bilinmiyor: Kontrol et&apos;e basın ya da ham parçayı elle girin.</translation>
    </message>
    <message>
        <source>The part: {pockets} pocket(s), {holes} hole(s) from the top.</source>
        <translation>Parça: üstten {pockets} cep, {holes} delik.</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Takım</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Takımlar</translation>
    </message>
    <message>
        <source>Torque</source>
        <translation>Tork</translation>
    </message>
    <message>
        <source>Travel X × Y × Z (mm)</source>
        <translation>Kurs X × Y × Z (mm)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Yukarı</translation>
    </message>
    <message>
        <source>Upload the document first (Projects &amp; Models) and pick its version: a setup belongs to a stored model version.</source>
        <translation>Önce belgeyi yükleyin (Projeler ve Modeller) ve sürümünü seçin: bağlama, kayıtlı bir model sürümüne aittir.</translation>
    </message>
    <message>
        <source>Vc (m/min)</source>
        <translation>Vc (m/dk)</translation>
    </message>
    <message>
        <source>Vise jaw</source>
        <translation>Mengene çenesi</translation>
    </message>
    <message>
        <source>Work offset:</source>
        <translation>Sıfır noktası:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>otomatik</translation>
    </message>
    <message>
        <source>auto ({value})</source>
        <translation>otomatik ({value})</translation>
    </message>
    <message>
        <source>fz (mm/tooth)</source>
        <translation>fz (mm/diş)</translation>
    </message>
    <message>
        <source>kc1 (N/mm²)</source>
        <translation>kc1 (N/mm²)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>en küçük</translation>
    </message>
    <message>
        <source>no holder listed</source>
        <translation>takım tutucu belirtilmemiş</translation>
    </message>
    <message>
        <source>size</source>
        <translation>boyut</translation>
    </message>
    <message>
        <source>{count} tools are below their minimum stock.</source>
        <translation>{count} takım asgari stoğun altında.</translation>
    </message>
    <message>
        <source>{lines} lines of G-code for {post}; estimated {m} min {s:02d} s.</source>
        <translation>{post} için {lines} satır G kodu; tahmini süre {m} dk {s:02d} sn.</translation>
    </message>
    <message>
        <source>{name}: {flutes} flutes, flute length {flute} mm, holder {holder}.</source>
        <translation>{name}: {flutes} ağız, ağız boyu {flute} mm, takım tutucu {holder}.</translation>
    </message>
    <message>
        <source>{value} cm³/min</source>
        <translation>{value} cm³/dk</translation>
    </message>
    <message>
        <source>{value} m/min</source>
        <translation>{value} m/dk</translation>
    </message>
    <message>
        <source>{value} mm/min</source>
        <translation>{value} mm/dk</translation>
    </message>
    <message>
        <source>{value} rpm</source>
        <translation>{value} dev/dk</translation>
    </message>
    <message>
        <source>Ø</source>
        <translation>Ø</translation>
    </message>
    <message>
        <source>Ø (mm)</source>
        <translation>Ø (mm)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>An issued invoice keeps its number; payments must be refunded first.</source>
        <translation>Kesilmiş fatura numarasını korur; önce ödemeler iade edilmelidir.</translation>
    </message>
    <message>
        <source>Cancel invoice {label}</source>
        <translation>{label} faturasını iptal et</translation>
    </message>
    <message>
        <source>Invoice {label} cancelled.</source>
        <translation>{label} faturası iptal edildi.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>İptal gerekçesi:</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>&quot;{name}&quot; matches {count} machines: {listed}</source>
        <translation>&quot;{name}&quot; {count} tezgaha uyuyor: {listed}</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; matches {count} materials: {listed}</source>
        <translation>&quot;{name}&quot; {count} malzemeye uyuyor: {listed}</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; matches {count} tools: {listed}</source>
        <translation>&quot;{name}&quot; {count} takıma uyuyor: {listed}</translation>
    </message>
    <message>
        <source>Entry {number} in {file} has no name.</source>
        <translation>{file} içindeki {number}. kaydın adı yok.</translation>
    </message>
    <message>
        <source>No machine is called &quot;{name}&quot;. Known: {listed}</source>
        <translation>&quot;{name}&quot; adında bir tezgah yok. Bilinenler: {listed}</translation>
    </message>
    <message>
        <source>No machine is of type &apos;{type}&apos;; types: {types}.</source>
        <translation>&apos;{type}&apos; türünde tezgah yok; türler: {types}.</translation>
    </message>
    <message>
        <source>No material is called &quot;{name}&quot;. Known: {listed}</source>
        <translation>&quot;{name}&quot; adında bir malzeme yok. Bilinenler: {listed}</translation>
    </message>
    <message>
        <source>No material is of category &apos;{type}&apos;; categories: {types}.</source>
        <translation>&apos;{type}&apos; kategorisinde malzeme yok; kategoriler: {types}.</translation>
    </message>
    <message>
        <source>No tool is called &quot;{name}&quot;. Known: {listed}</source>
        <translation>&quot;{name}&quot; adında bir takım yok. Bilinenler: {listed}</translation>
    </message>
    <message>
        <source>No tool is of type &apos;{type}&apos;; types: {types}.</source>
        <translation>&apos;{type}&apos; türünde takım yok; türler: {types}.</translation>
    </message>
    <message>
        <source>Only tools have a diameter.</source>
        <translation>Yalnızca takımların çapı vardır.</translation>
    </message>
    <message>
        <source>The catalog file {path} is not valid TOML: {error}</source>
        <translation>Katalog dosyası {path} geçerli bir TOML değil: {error}</translation>
    </message>
    <message>
        <source>The catalog has no machines yet: run `cncworkbench seed`.</source>
        <translation>Katalogda henüz tezgah yok: `cncworkbench seed` komutunu çalıştırın.</translation>
    </message>
    <message>
        <source>The catalog has no materials yet: run `cncworkbench seed`.</source>
        <translation>Katalogda henüz malzeme yok: `cncworkbench seed` komutunu çalıştırın.</translation>
    </message>
    <message>
        <source>The catalog has no tools yet: run `cncworkbench seed`.</source>
        <translation>Katalogda henüz takım yok: `cncworkbench seed` komutunu çalıştırın.</translation>
    </message>
    <message>
        <source>There is no machine {id}.</source>
        <translation>{id} numaralı tezgah yok.</translation>
    </message>
    <message>
        <source>There is no material {id}.</source>
        <translation>{id} numaralı malzeme yok.</translation>
    </message>
    <message>
        <source>There is no tool {id}.</source>
        <translation>{id} numaralı takım yok.</translation>
    </message>
    <message>
        <source>machines</source>
        <translation>tezgahlar</translation>
    </message>
    <message>
        <source>materials</source>
        <translation>malzemeler</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>takımlar</translation>
    </message>
    <message>
        <source>{file} names these entries twice: {names}</source>
        <translation>{file} şu kayıtları iki kez adlandırıyor: {names}</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>{kind}: {added} eklendi, {updated} güncellendi, {unchanged} değişmedi</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>  fixture {name}</source>
        <translation>  bağlama elemanı {name}</translation>
    </message>
    <message>
        <source>  machine {machine}; material {material}; {offset}</source>
        <translation>  tezgah {machine}; malzeme {material}; {offset}</translation>
    </message>
    <message>
        <source>  removed {removed} cm³, machining time {seconds} s</source>
        <translation>  kaldırılan {removed} cm³, işleme süresi {seconds} sn</translation>
    </message>
    <message>
        <source>  size and thumbnail: failed: {reason}</source>
        <translation>  boyut ve küçük resim: başarısız: {reason}</translation>
    </message>
    <message>
        <source>  size and thumbnail: pending (a job measures the mesh)</source>
        <translation>  boyut ve küçük resim: bekliyor (bir iş ağı ölçüyor)</translation>
    </message>
    <message>
        <source>  size {size} mm, volume {volume} mm³, {solids} solid(s)</source>
        <translation>  boyut {size} mm, hacim {volume} mm³, {solids} katı</translation>
    </message>
    <message>
        <source>  stock {size} mm from {corner}</source>
        <translation>  ham parça {size} mm, köşesi {corner}</translation>
    </message>
    <message>
        <source>  thumbnail file: {path}</source>
        <translation>  küçük resim dosyası: {path}</translation>
    </message>
    <message>
        <source>  uploaded {when} by {owner}; sha256 {sha256}</source>
        <translation>  yükleyen {owner}, {when}; sha256 {sha256}</translation>
    </message>
    <message>
        <source>  versions: {versions}</source>
        <translation>  sürümler: {versions}</translation>
    </message>
    <message>
        <source>  {name}  ({type}, {size} bytes)</source>
        <translation>  {name}  ({type}, {size} bayt)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not OP=MM (for example pocket=0.5).</source>
        <translation>&apos;{text}&apos; İŞLEM=MM biçiminde değil (örneğin pocket=0.5).</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(boş)</translation>
    </message>
    <message>
        <source>(more than {limit}; use --limit or --search)</source>
        <translation>({limit} taneden fazla; --limit ya da --search kullanın)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <source>({seconds} s)</source>
        <translation>({seconds} sn)</translation>
    </message>
    <message>
        <source>*** (in keyring)</source>
        <translation>*** (anahtarlıkta)</translation>
    </message>
    <message>
        <source>--params is not valid JSON: {error}</source>
        <translation>--params geçerli bir JSON değil: {error}</translation>
    </message>
    <message>
        <source>--params must be a JSON object.</source>
        <translation>--params bir JSON nesnesi olmalı.</translation>
    </message>
    <message>
        <source>--part {file}: the design does not lie over the stock; give the design&apos;s origin in program coordinates with --part-origin X Y Z.</source>
        <translation>--part {file}: tasarım ham parçanın üzerinde değil; tasarımın orijinini program koordinatlarında --part-origin X Y Z ile verin.</translation>
    </message>
    <message>
        <source>--stock: every size must be more than 0 mm</source>
        <translation>--stock: ham parçanın her boyutu 0 mm&apos;den büyük olmalı</translation>
    </message>
    <message>
        <source>--tool {spec}: a bull-nose tool needs its corner radius, e.g. :r=1</source>
        <translation>--tool {spec}: köşe radyuslu (bull) bir takımın köşe radyusu verilmeli, ör. :r=1</translation>
    </message>
    <message>
        <source>--tool {spec}: give N:DIAMETER:FLUTE_LENGTH:SHAPE, e.g. 1:6:20:flat</source>
        <translation>--tool {spec}: takımı N:DIAMETER:FLUTE_LENGTH:SHAPE biçiminde verin, ör. 1:6:20:flat</translation>
    </message>
    <message>
        <source>--tool {spec}: the shape must be one of {shapes}</source>
        <translation>--tool {spec}: takım şekli şunlardan biri olmalı: {shapes}</translation>
    </message>
    <message>
        <source>--tool {spec}: tool T{number} is given twice</source>
        <translation>--tool {spec}: T{number} takımı iki kez verildi</translation>
    </message>
    <message>
        <source>--tool {spec}: unknown option {option} (noncenter, r=, angle=, shank=, length=, holder=)</source>
        <translation>--tool {spec}: bilinmeyen takım seçeneği {option} (noncenter, r=, angle=, shank=, length=, holder= [tutucu])</translation>
    </message>
    <message>
        <source>--tool {spec}: {what} must be a number, not {value}</source>
        <translation>--tool {spec}: takımın {what} değeri bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>--tool {spec}: {what} must be more than 0</source>
        <translation>--tool {spec}: takımın {what} değeri 0&apos;dan büyük olmalı</translation>
    </message>
    <message>
        <source>3 capitals or digits.</source>
        <translation>3 büyük harf veya rakam.</translation>
    </message>
    <message>
        <source>; leaves {leave} mm</source>
        <translation>; {leave} mm pay bırakır</translation>
    </message>
    <message>
        <source>A job&apos;s state, input, output, timings and artefacts.</source>
        <translation>Bir işin durumu, girdisi, çıktısı, süreleri ve çıktı dosyaları.</translation>
    </message>
    <message>
        <source>A model version: its versions, what FreeCAD measured, the thumbnail&apos;s path.</source>
        <translation>Bir model sürümü: sürümleri, FreeCAD&apos;in ölçtükleri, küçük resmin yolu.</translation>
    </message>
    <message>
        <source>A simulated run: verdict and findings.</source>
        <translation>Bir simüle edilmiş çalışma: sonuç ve bulgular.</translation>
    </message>
    <message>
        <source>A spreadsheet parameter (alias) and its new value; repeatable. A bare number keeps the cell&apos;s unit (Length=120 on an &apos;80 mm&apos; cell is 120 mm).</source>
        <translation>Bir tablo parametresi (takma ad) ve yeni değeri; tekrarlanabilir. Birimsiz bir sayı hücrenin birimini korur (&apos;80 mm&apos; olan bir hücrede Length=120, 120 mm olur).</translation>
    </message>
    <message>
        <source>A stored CAM run to simulate (instead of FILE).</source>
        <translation>Simüle edilecek kayıtlı bir CAM çalışması (FILE yerine).</translation>
    </message>
    <message>
        <source>A system&apos;s settings (secrets are never shown, only where they come from).</source>
        <translation>Bir sistemin ayarları (gizli bilgiler asla gösterilmez, yalnız nereden geldikleri).</translation>
    </message>
    <message>
        <source>Act (and be audited) as this user.</source>
        <translation>Bu kullanıcı olarak işlem yapın (denetim kaydına da böyle geçer).</translation>
    </message>
    <message>
        <source>Act as (or for) this user.</source>
        <translation>Bu kullanıcı olarak (veya onun adına) işlem yapın.</translation>
    </message>
    <message>
        <source>Activate a deactivated user again.</source>
        <translation>Devre dışı bırakılmış bir kullanıcıyı yeniden etkinleştirin.</translation>
    </message>
    <message>
        <source>Add a license of TYPE (trial, basic, professional, enterprise).</source>
        <translation>TYPE türünde bir lisans ekleyin (trial, basic, professional, enterprise).</translation>
    </message>
    <message>
        <source>Allowed deviation from the design (default: 0.01 mm + a tenth of the cell).</source>
        <translation>Tasarımdan izin verilen sapma (varsayılan: 0,01 mm + hücrenin onda biri).</translation>
    </message>
    <message>
        <source>Also draft an invoice to EMAIL.</source>
        <translation>EMAIL adresine bir fatura taslağı da hazırla.</translation>
    </message>
    <message>
        <source>Also give up its undelivered exchanges.</source>
        <translation>Gönderilmemiş aktarımlarından da vazgeç.</translation>
    </message>
    <message>
        <source>Also list the exchanges with this status.</source>
        <translation>Bu durumdaki aktarımları da listele.</translation>
    </message>
    <message>
        <source>Also save the new program here.</source>
        <translation>Yeni programı buraya da kaydet.</translation>
    </message>
    <message>
        <source>Amount given back.</source>
        <translation>Geri verilen tutar.</translation>
    </message>
    <message>
        <source>Amount received, e.g. 4444,45.</source>
        <translation>Alınan tutar, örneğin 4444,45.</translation>
    </message>
    <message>
        <source>An exchange: its payload, the headers it is sent with, every attempt.</source>
        <translation>Bir aktarım: yükü, gönderildiği başlıklar, her denemesi.</translation>
    </message>
    <message>
        <source>Approve a simulated run.</source>
        <translation>Simüle edilmiş bir çalışmayı onaylayın.</translation>
    </message>
    <message>
        <source>Attempts at most.</source>
        <translation>En çok deneme sayısı.</translation>
    </message>
    <message>
        <source>Axial depth (stepdown), mm.</source>
        <translation>Eksenel derinlik (kademe derinliği), mm.</translation>
    </message>
    <message>
        <source>Bank or card provider, e.g. garanti, iyzico.</source>
        <translation>Banka veya kart sağlayıcısı, örneğin garanti, iyzico.</translation>
    </message>
    <message>
        <source>Base address, e.g. https://erp.example/cnc.</source>
        <translation>Temel adres, örneğin https://erp.example/cnc.</translation>
    </message>
    <message>
        <source>Batch CAM: MODEL_FILE (STEP or FCStd) to G-code for a machine.

The stock is the part&apos;s bounding box plus margins; operations find their geometry by
themselves (facing: the top; profile: the outer contour; pocket/adaptive: pockets open
from the top; drilling: vertical holes); feeds and speeds come from the catalog.</source>
        <translation>Toplu CAM: MODEL_FILE (STEP ya da FCStd) dosyasından bir tezgah için G kodu.

Ham parça, parçanın sınırlayıcı kutusu artı paylardır; işlemler geometrilerini kendileri
bulur (yüzey frezeleme: üst yüz; profil: dış kontur; cep/adaptif: üstten açık
cepler; delme: dikey delikler); ilerleme ve devirler katalogdan gelir.</translation>
    </message>
    <message>
        <source>CAM run {run}: {lines} lines, cycle time {seconds} s, {removed} cm³ removed</source>
        <translation>CAM çalışması {run}: {lines} satır, çevrim süresi {seconds} sn, {removed} cm³ kaldırıldı</translation>
    </message>
    <message>
        <source>CAM setups: how a model is held and cut.</source>
        <translation>CAM bağlamaları: bir modelin nasıl bağlanıp işlendiği.</translation>
    </message>
    <message>
        <source>CAM: toolpaths and G-code from FreeCAD CAM with the machine&apos;s post-processor.</source>
        <translation>CAM: tezgahın post-işlemcisiyle FreeCAD CAM&apos;den takım yolları ve G kodu.</translation>
    </message>
    <message>
        <source>CNC Workbench: the FreeCAD front end of a CNC shop&apos;s production platform.</source>
        <translation>CNC Workbench: bir CNC atölyesinin üretim platformunun FreeCAD arayüzü.</translation>
    </message>
    <message>
        <source>CNC_DATABASE_URL is not set: the embedded database needs no password.</source>
        <translation>CNC_DATABASE_URL ayarlı değil: gömülü veritabanı parola gerektirmez.</translation>
    </message>
    <message>
        <source>CNC_DATABASE_URL is set: there is no embedded database to stop.</source>
        <translation>CNC_DATABASE_URL ayarlı: durdurulacak gömülü veritabanı yok.</translation>
    </message>
    <message>
        <source>COMMAND [ARGS]...</source>
        <translation>KOMUT [ARGÜMANLAR]...</translation>
    </message>
    <message>
        <source>Cancel a job (a running one stops within seconds).</source>
        <translation>Bir işi iptal edin (çalışan bir iş saniyeler içinde durur).</translation>
    </message>
    <message>
        <source>Catalog machine (name or unique part).</source>
        <translation>Katalogdaki tezgah (adı ya da adının yalnız ona uyan bir kısmı).</translation>
    </message>
    <message>
        <source>Catalog machine.</source>
        <translation>Katalogdaki tezgah.</translation>
    </message>
    <message>
        <source>Catalog machine: clamps RPM/feed, checks power.</source>
        <translation>Katalogdaki tezgah: devri (dev/dk) ve ilerlemeyi sınırlar, gücü kontrol eder.</translation>
    </message>
    <message>
        <source>Catalog material (name or a unique part of it).</source>
        <translation>Katalogdaki malzeme (adı ya da adının yalnız ona uyan bir kısmı).</translation>
    </message>
    <message>
        <source>Catalog material (name or unique part).</source>
        <translation>Katalogdaki malzeme (adı ya da adının yalnız ona uyan bir kısmı).</translation>
    </message>
    <message>
        <source>Catalog material.</source>
        <translation>Katalogdaki malzeme.</translation>
    </message>
    <message>
        <source>Catalog tool (name or a unique part of it).</source>
        <translation>Katalogdaki takım (adı ya da adının yalnız ona uyan bir kısmı).</translation>
    </message>
    <message>
        <source>Catalog tool; repeatable.</source>
        <translation>Katalogdaki takım; tekrarlanabilir.</translation>
    </message>
    <message>
        <source>Cell size (default: from the smallest tool and a 256 MB budget).</source>
        <translation>Hücre boyu (varsayılan: en küçük takıma ve 256 MB bellek sınırına göre).</translation>
    </message>
    <message>
        <source>Change a system&apos;s settings.</source>
        <translation>Bir sistemin ayarlarını değiştirin.</translation>
    </message>
    <message>
        <source>Change a user&apos;s role.</source>
        <translation>Bir kullanıcının rolünü değiştirin.</translation>
    </message>
    <message>
        <source>Check against this catalog machine&apos;s limits.</source>
        <translation>Bu katalog tezgahının sınırlarına göre kontrol edin.</translation>
    </message>
    <message>
        <source>Comma separated, from: order, cam_run, sim_run, invoice.</source>
        <translation>Virgülle ayrılmış, şunlardan: order (sipariş), cam_run (CAM çalışması), sim_run (simülasyon), invoice (fatura).</translation>
    </message>
    <message>
        <source>Company name.</source>
        <translation>Firma adı.</translation>
    </message>
    <message>
        <source>Compare the cut stock with this design (FCStd, STEP or STL, in program coordinates): gouges and leftover material are findings.</source>
        <translation>Kesilmiş ham parçayı bu tasarımla karşılaştır (FCStd, STEP veya STL, program koordinatlarında): fazla kesmeler ve kalan malzeme bulgu olur.</translation>
    </message>
    <message>
        <source>Configure an external system NAME (letters, digits, _; stored upper case).</source>
        <translation>NAME adlı bir dış sistem tanımlayın (harf, rakam, _; büyük harfle kaydedilir).</translation>
    </message>
    <message>
        <source>Configure it without using it yet.</source>
        <translation>Tanımlayın ama henüz kullanmayın.</translation>
    </message>
    <message>
        <source>Configured systems, their queues and where their secrets come from.</source>
        <translation>Tanımlı sistemler, kuyrukları ve gizli bilgilerinin nereden geldiği.</translation>
    </message>
    <message>
        <source>Connect to the database and the file store and report on each.</source>
        <translation>Veritabanına ve dosya deposuna bağlanıp her birinin durumunu bildirin.</translation>
    </message>
    <message>
        <source>Corner radius, mm.</source>
        <translation>Köşe radyusu, mm.</translation>
    </message>
    <message>
        <source>Create a draft invoice (issue it to give it its number).</source>
        <translation>Taslak bir fatura oluşturun (numarasını alması için faturayı kesin).</translation>
    </message>
    <message>
        <source>Create a user.</source>
        <translation>Bir kullanıcı oluşturun.</translation>
    </message>
    <message>
        <source>Cut the G-code program FILE into a stock box and check it for collisions; or, with
--run CAM_RUN, simulate a stored CAM run on its own setup (stock, tools, fixtures
and machine from the run), stored for review.

Reports the removed volume, the machining time and each finding (rapids into the
stock, plunges with a non-centre-cutting tool, shank, holder and fixture collisions,
machine limits, cutting with the spindle off). Exit status: 0 without errors, 1 with
errors, 2 when the input cannot be read.</source>
        <translation>G kodu programı FILE&apos;ı kutu biçimli bir ham parçada keser ve çarpışmalara bakar; ya da
--run CAM_RUN ile kayıtlı bir CAM çalışmasını kendi bağlamasında (ham parça, takımlar,
bağlama elemanları ve tezgah çalışmadan alınır) simüle eder ve onay için saklar.

Kaldırılan hacmi, işleme süresini ve her bulguyu bildirir (ham parçaya hızlı hareket,
merkezden kesmeyen takımla dalma, sap, takım tutucu ve bağlama elemanı çarpışmaları,
tezgah sınırları, iş mili dururken kesme). Çıkış kodu: hatasız 0, hatalı 1, girdi
okunamıyorsa 2.</translation>
    </message>
    <message>
        <source>Cutting speed</source>
        <translation>Kesme hızı</translation>
    </message>
    <message>
        <source>Cutting speed, m/min (instead of --material).</source>
        <translation>Kesme hızı, m/dk (--material malzemesi yerine).</translation>
    </message>
    <message>
        <source>Database password stored in the OS keyring.</source>
        <translation>Veritabanı parolası işletim sisteminin anahtarlığına kaydedildi.</translation>
    </message>
    <message>
        <source>Database password: </source>
        <translation>Veritabanı parolası: </translation>
    </message>
    <message>
        <source>Day it ends at 00:00 Istanbul time (default: the plan&apos;s term).</source>
        <translation>İstanbul saatiyle 00:00&apos;da bittiği gün (varsayılan: planın süresi).</translation>
    </message>
    <message>
        <source>Deactivate a user (their sessions stop working at once).</source>
        <translation>Bir kullanıcıyı devre dışı bırakın (oturumları hemen geçersiz olur).</translation>
    </message>
    <message>
        <source>Default: by extension.</source>
        <translation>Varsayılan: uzantıya göre.</translation>
    </message>
    <message>
        <source>Delete objects that no row references (left by interrupted uploads).</source>
        <translation>Hiçbir kaydın başvurmadığı nesneleri silin (yarıda kalmış yüklemelerden kalanlar).</translation>
    </message>
    <message>
        <source>Deliver the due outbound events once (workers do this every few seconds).</source>
        <translation>Zamanı gelen giden olayları bir kez gönderin (işleyiciler bunu birkaç saniyede bir yapar).</translation>
    </message>
    <message>
        <source>Design {design} cm³ · stock {stock} cm³ · removed {removed} cm³ (simulated, within ±{accuracy} %)</source>
        <translation>Tasarım {design} cm³ · ham parça {stock} cm³ · kaldırılan {removed} cm³ (simüle edildi, ±%{accuracy} doğrulukla)</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Onay sormayın.</translation>
    </message>
    <message>
        <source>Do not write the setup sheet PDF.</source>
        <translation>Bağlama föyü PDF&apos;ini yazmayın.</translation>
    </message>
    <message>
        <source>Download JOB_ID&apos;s result NAME (its file name as `job show` lists it, or its kind: gcode, setup_sheet, sim_report...), verified against its SHA-256.</source>
        <translation>JOB_ID işinin NAME çıktı dosyasını indirir (`job show`&apos;un listelediği dosya adı ya da türü: gcode, setup_sheet, sim_report...), SHA-256&apos;sıyla doğrulanmış olarak.</translation>
    </message>
    <message>
        <source>Download a model version, verified against its SHA-256.</source>
        <translation>Bir model sürümünü SHA-256 değerine göre doğrulayarak indirin.</translation>
    </message>
    <message>
        <source>Download: `cncworkbench artefact download {job} gcode -o .`</source>
        <translation>İndirin: `cncworkbench artefact download {job} gcode -o .`</translation>
    </message>
    <message>
        <source>Due date (default: in 14 days).</source>
        <translation>Vade tarihi (varsayılan: 14 gün sonra).</translation>
    </message>
    <message>
        <source>E-mail or mobile number</source>
        <translation>E-posta ya da cep telefonu numarası</translation>
    </message>
    <message>
        <source>ERP/MES synchronisation: systems, the exchange queue, order imports.</source>
        <translation>ERP/MES eşitlemesi: sistemler, aktarım kuyruğu, sipariş aktarımları.</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>HATA</translation>
    </message>
    <message>
        <source>End session SESSION_ID (frees its seat if it was the user&apos;s last).</source>
        <translation>SESSION_ID oturumunu sonlandırın (kullanıcının son oturumuysa koltuğu boşalır).</translation>
    </message>
    <message>
        <source>End the session of `cncworkbench login`.</source>
        <translation>`cncworkbench login` oturumunu sonlandırır.</translation>
    </message>
    <message>
        <source>Estimated time: {minutes} min {seconds} s (cutting {cutting} s, rapids {rapids} s, tool changes {changes} s)</source>
        <translation>Tahmini süre:   {minutes} dk {seconds} sn (kesme {cutting} sn, hızlı hareketler {rapids} sn, takım değişimleri {changes} sn)</translation>
    </message>
    <message>
        <source>Every license, newest end first; the one in force is marked.</source>
        <translation>Tüm lisanslar, bitişi en geç olan önce; geçerli olan işaretlenir.</translation>
    </message>
    <message>
        <source>Everything a setup says.</source>
        <translation>Bir bağlamanın söylediği her şey.</translation>
    </message>
    <message>
        <source>Everything about one machine: ID or its name.</source>
        <translation>Bir tezgah hakkında her şey: ID ya da adı.</translation>
    </message>
    <message>
        <source>Everything about one material: ID or its name.</source>
        <translation>Bir malzeme hakkında her şey: ID ya da adı.</translation>
    </message>
    <message>
        <source>Everything about one tool: ID or its name.</source>
        <translation>Bir takım hakkında her şey: ID ya da adı.</translation>
    </message>
    <message>
        <source>Exchange rate, TRY per unit of --currency (USD/EUR only).</source>
        <translation>Döviz kuru, bir --currency birimi başına TRY (yalnız USD/EUR).</translation>
    </message>
    <message>
        <source>Expire licenses past their end, send the 30/7/1-day warnings, mark overdue invoices (idempotent; for cron; needs the owner&apos;s or a worker&apos;s credentials).</source>
        <translation>Bitişi geçmiş lisansları sona erdirin, 30/7/1 gün kala uyarıları gönderin, vadesi geçmiş faturaları işaretleyin (tekrar çalıştırılabilir; cron için; sahibin veya bir işleyicinin kimlik bilgilerini gerektirir).</translation>
    </message>
    <message>
        <source>External systems (administrators; tokens live in the keyring or environment).</source>
        <translation>Dış sistemler (yöneticiler için; belirteçler anahtarlıkta ya da ortam değişkenlerinde durur).</translation>
    </message>
    <message>
        <source>Fee the provider kept.</source>
        <translation>Sağlayıcının kestiği ücret.</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>İlerleme</translation>
    </message>
    <message>
        <source>Feed per tooth, mm (instead of --material).</source>
        <translation>Diş başı ilerleme, mm (--material malzemesi yerine).</translation>
    </message>
    <message>
        <source>File to write, or a folder (existing, or ending in /) to write into.</source>
        <translation>Yazılacak dosya ya da içine yazılacak klasör (var olan ya da / ile biten).</translation>
    </message>
    <message>
        <source>First day (default: now).</source>
        <translation>İlk gün (varsayılan: şimdi).</translation>
    </message>
    <message>
        <source>First retry&apos;s wait, s [30].</source>
        <translation>İlk yeniden denemeden önceki bekleme, sn [30].</translation>
    </message>
    <message>
        <source>Flute length, mm (checks ap against it).</source>
        <translation>Ağız boyu, mm (ap buna göre kontrol edilir).</translation>
    </message>
    <message>
        <source>Folder where O&lt;name&gt; call finds name.ngc (repeatable; default: the program&apos;s folder).</source>
        <translation>O&lt;name&gt; call komutunun name.ngc dosyasını aradığı klasör (tekrarlanabilir; varsayılan: programın klasörü).</translation>
    </message>
    <message>
        <source>Follow it: `cncworkbench job show {id}`</source>
        <translation>İzleyin: `cncworkbench job show {id}`</translation>
    </message>
    <message>
        <source>Forget the secret.</source>
        <translation>Gizli bilgiyi unut.</translation>
    </message>
    <message>
        <source>FreeCAD {version} (Python {python}): dependencies in {folder}; workbench linked: {link}</source>
        <translation>FreeCAD {version} (Python {python}): bağımlılıklar {folder} klasöründe; eklenti bağlandı: {link}</translation>
    </message>
    <message>
        <source>G-code REFUSED by LinuxCNC&apos;s rs274</source>
        <translation>G kodu LinuxCNC&apos;nin rs274&apos;ü tarafından REDDEDİLDİ</translation>
    </message>
    <message>
        <source>G-code accepted by LinuxCNC&apos;s rs274</source>
        <translation>G kodu LinuxCNC&apos;nin rs274&apos;ü tarafından kabul edildi</translation>
    </message>
    <message>
        <source>G-code not checked: LinuxCNC&apos;s rs274 is not installed</source>
        <translation>G kodu denetlenmedi: LinuxCNC&apos;nin rs274&apos;ü kurulu değil</translation>
    </message>
    <message>
        <source>G-code:         {file} ({lines} lines, {post})</source>
        <translation>G kodu:         {file} ({lines} satır, {post})</translation>
    </message>
    <message>
        <source>G54..G59 (default: the run&apos;s).</source>
        <translation>G54..G59 (varsayılan: çalışmanınki).</translation>
    </message>
    <message>
        <source>Generate a variant of a part family: MODEL_ID with new spreadsheet values.

Queues a cad_generate job: FreeCAD sets the cells, recomputes, checks that the part is still a valid solid and stores it as a new model in the same project (a recompute error or an invalid solid stores nothing and prints FreeCAD&apos;s message). Waits for it unless --no-wait, running it here when no worker is alive.</source>
        <translation>Bir parça ailesinin varyantını üretin: yeni tablo değerleriyle MODEL_ID.

Bir cad_generate işini kuyruğa alır: FreeCAD hücreleri ayarlar, yeniden hesaplar, parçanın hâlâ geçerli bir katı olduğunu kontrol eder ve onu aynı projede yeni bir model olarak kaydeder (yeniden hesaplama hatası ya da geçersiz bir katı hiçbir şey kaydetmez ve FreeCAD&apos;in mesajını yazdırır). --no-wait verilmedikçe işi bekler; canlı bir işleyici yoksa işi burada çalıştırır.</translation>
    </message>
    <message>
        <source>Give --material, or the cutting data: missing {options}</source>
        <translation>--material ile malzemeyi ya da kesme verilerini verin: eksik olanlar {options}</translation>
    </message>
    <message>
        <source>Give --tool, or {option}.</source>
        <translation>--tool ile takımı ya da {option} değerini verin.</translation>
    </message>
    <message>
        <source>Give FILE with --stock SX SY SZ and --tool SPEC, or --run CAM_RUN for a stored CAM run (`cncworkbench cam submit SETUP` makes one).</source>
        <translation>FILE&apos;ı --stock SX SY SZ (ham parça) ve --tool SPEC (takım) ile verin, ya da kayıtlı bir CAM çalışması için --run CAM_RUN (bir bağlamadan `cncworkbench cam submit SETUP` oluşturur).</translation>
    </message>
    <message>
        <source>Give draft INVOICE_ID its gap-free number and mark it sent.</source>
        <translation>INVOICE_ID taslağına boşluksuz sıradaki numarasını verin ve gönderildi olarak işaretleyin.</translation>
    </message>
    <message>
        <source>How it came.</source>
        <translation>Nasıl geldiği.</translation>
    </message>
    <message>
        <source>How many parts in the batch.</source>
        <translation>Partideki parça sayısı.</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>BİLGİ</translation>
    </message>
    <message>
        <source>Idempotency key: the same key returns the same job.</source>
        <translation>Tekrar anahtarı: aynı anahtar aynı işi döndürür.</translation>
    </message>
    <message>
        <source>Import orders (CSV or JSON) as projects; all or nothing. An order imported before updates its project.</source>
        <translation>Siparişleri (CSV ya da JSON) proje olarak aktarın; ya hepsi ya hiçbiri. Daha önce aktarılmış bir sipariş kendi projesini günceller.</translation>
    </message>
    <message>
        <source>Input parameters as JSON.</source>
        <translation>JSON olarak girdi parametreleri.</translation>
    </message>
    <message>
        <source>Install the pinned dependencies for FreeCAD&apos;s own Python and link this checkout into that FreeCAD&apos;s add-on folder as &apos;CNCWorkbench&apos;.</source>
        <translation>Sabitlenmiş bağımlılıkları FreeCAD&apos;in kendi Python&apos;u için kurar ve bu çalışma kopyasını o FreeCAD&apos;in eklenti klasörüne &apos;CNCWorkbench&apos; olarak bağlar.</translation>
    </message>
    <message>
        <source>Install the workbench into FreeCAD.</source>
        <translation>CNC Workbench&apos;i FreeCAD&apos;e kurun.</translation>
    </message>
    <message>
        <source>Invoices and payments (administrators).</source>
        <translation>Faturalar ve ödemeler (yöneticiler).</translation>
    </message>
    <message>
        <source>Invoices, newest first (overdue: sent and past the due date).</source>
        <translation>Faturalar, en yeni önce (vadesi geçmiş: gönderilmiş ve vade tarihi geçmiş).</translation>
    </message>
    <message>
        <source>Job types to run, comma separated (default: all it can).</source>
        <translation>Çalıştırılacak iş türleri, virgülle ayrılmış (varsayılan: çalıştırabildiği hepsi).</translation>
    </message>
    <message>
        <source>Jobs at once.</source>
        <translation>Aynı anda çalışacak iş sayısı.</translation>
    </message>
    <message>
        <source>Jobs in the queue.</source>
        <translation>Kuyruktaki işler.</translation>
    </message>
    <message>
        <source>KDV rate in percent.</source>
        <translation>Yüzde olarak KDV oranı.</translation>
    </message>
    <message>
        <source>Keep a system&apos;s bearer token (or signing secret) in the OS keyring.</source>
        <translation>Bir sistemin erişim belirtecini (ya da imza anahtarını) işletim sistemi anahtarlığında saklayın.</translation>
    </message>
    <message>
        <source>Language of the messages (default: CNC_LOCALE, else LANG, else Turkish).</source>
        <translation>İletilerin dili (varsayılan: CNC_LOCALE, yoksa LANG, yoksa Türkçe).</translation>
    </message>
    <message>
        <source>Language of the quote PDF (default: the language the program speaks).</source>
        <translation>Teklif PDF&apos;inin dili (varsayılan: programın kullandığı dil).</translation>
    </message>
    <message>
        <source>Largest distance between an arc and its segments.</source>
        <translation>Bir yay ile onu oluşturan doğru parçaları arasındaki en büyük mesafe.</translation>
    </message>
    <message>
        <source>Leave objects younger than this (uploads in flight).</source>
        <translation>Bundan daha yeni nesnelere dokunmayın (süren yüklemeler).</translation>
    </message>
    <message>
        <source>Licenses, seats and expiry (administrators).</source>
        <translation>Lisanslar, koltuklar ve süre sonu (yöneticiler).</translation>
    </message>
    <message>
        <source>LinuxCNC parameter file (.var: number value per line, mm) read before the program.</source>
        <translation>Programdan önce okunan LinuxCNC parametre dosyası (.var: her satırda numara değer, mm).</translation>
    </message>
    <message>
        <source>LinuxCNC rs274: accepted ({calls} canonical calls)</source>
        <translation>LinuxCNC rs274: kabul edildi ({calls} kanonik çağrı)</translation>
    </message>
    <message>
        <source>List jobs, newest first.</source>
        <translation>İşleri en yeniden başlayarak listeleyin.</translation>
    </message>
    <message>
        <source>List models (their newest versions), newest first.</source>
        <translation>Modelleri (en yeni sürümleriyle) en yeniden başlayarak listeleyin.</translation>
    </message>
    <message>
        <source>List setups, newest first.</source>
        <translation>Bağlamaları listeler, en yenisi önce.</translation>
    </message>
    <message>
        <source>List the active machines (filter with --type, --search).</source>
        <translation>Etkin tezgahları listeler (--type, --search ile süzün).</translation>
    </message>
    <message>
        <source>List the active tools (filter with --type, --diameter, --search).</source>
        <translation>Etkin takımları listeler (--type, --diameter, --search ile süzün).</translation>
    </message>
    <message>
        <source>List the materials (filter with --type for the category, --search).</source>
        <translation>Malzemeleri listeler (kategori için --type, --search ile süzün).</translation>
    </message>
    <message>
        <source>List users with their role, status and last login.</source>
        <translation>Kullanıcıları rolleri, durumları ve son girişleriyle listeleyin.</translation>
    </message>
    <message>
        <source>Load the machine, tool and material catalog (safe to repeat).</source>
        <translation>Tezgah, takım ve malzeme kataloğunu yükleyin (tekrarlamak güvenlidir).</translation>
    </message>
    <message>
        <source>Log each job: claimed, progress, end, duration.</source>
        <translation>Her işi günlüğe yazar: alınması, ilerlemesi, sonu, süresi.</translation>
    </message>
    <message>
        <source>Log in as EMAIL (or mobile number) for the next commands: the session (12 hours) is kept in the OS keyring, or in a file only you can read under the data folder when there is none.</source>
        <translation>Sonraki komutlar için EMAIL (ya da cep numarası) olarak giriş yapar: oturum (12 saat) işletim sisteminin anahtarlığında, yoksa veri klasöründe yalnızca sizin okuyabileceğiniz bir dosyada tutulur.</translation>
    </message>
    <message>
        <source>Logged in as {email} ({role}) until {until}; the login is kept in {where}.</source>
        <translation>{until} saatine kadar {email} ({role}) olarak giriş yapıldı; giriş şurada tutuluyor: {where}.</translation>
    </message>
    <message>
        <source>Logged out {email}.</source>
        <translation>{email} çıkış yaptı.</translation>
    </message>
    <message>
        <source>Longest wait, s [3600].</source>
        <translation>En uzun bekleme, sn [3600].</translation>
    </message>
    <message>
        <source>Make a suspended license ID active again.</source>
        <translation>Askıdaki ID numaralı lisansı yeniden etkinleştirin.</translation>
    </message>
    <message>
        <source>Memory the simulation may hold: the cells, the moves&apos; records (MB).</source>
        <translation>Simülasyonun kullanabileceği bellek: hücreler ve hareketlerin kayıtları (MB).</translation>
    </message>
    <message>
        <source>Migrate the schema down to REVISION (&apos;base&apos; removes every table).</source>
        <translation>Şemayı REVISION sürümüne geri taşıyın (&apos;base&apos; bütün tabloları kaldırır).</translation>
    </message>
    <message>
        <source>Migrate the schema up to REVISION (default: the newest).</source>
        <translation>Şemayı REVISION sürümüne yükseltin (varsayılan: en yenisi).</translation>
    </message>
    <message>
        <source>Model name (default: the file name). An existing model of this name in the project gets a new version.</source>
        <translation>Model adı (varsayılan: dosya adı). Projede bu adla bir model varsa ona yeni bir sürüm eklenir.</translation>
    </message>
    <message>
        <source>Models and their versions.</source>
        <translation>Modeller ve sürümleri.</translation>
    </message>
    <message>
        <source>Move the end of license ID later (an expired one becomes active again).</source>
        <translation>ID numaralı lisansın bitişini ileri alın (süresi dolmuş bir lisans yeniden etkin olur).</translation>
    </message>
    <message>
        <source>N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...], SHAPE one of flat, ball, bull, drill, chamfer; options: noncenter (cannot plunge), r=MM (bull corner radius, required), angle=DEG (drill 118, chamfer 90), shank=MM, length=MM (stick-out), holder=DIAMETERxLENGTH. Repeat for each tool.</source>
        <translation>N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...]; SHAPE şunlardan biri: flat, ball, bull, drill, chamfer; seçenekler: noncenter (dalamaz), r=MM (bull köşe radyusu, zorunlu), angle=DEG (drill 118, chamfer 90), shank=MM (sap), length=MM (sarkma), holder=DIAMETERxLENGTH (tutucu). Her takım için tekrarlayın.</translation>
    </message>
    <message>
        <source>Name of the new model (default: the source&apos;s, with the values).</source>
        <translation>Yeni modelin adı (varsayılan: kaynağın adı, değerlerle birlikte).</translation>
    </message>
    <message>
        <source>Name words, or key:value metadata terms, comma separated.</source>
        <translation>Ad sözcükleri ya da anahtar:değer biçiminde üst veri terimleri, virgülle ayrılmış.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Yeni parola</translation>
    </message>
    <message>
        <source>Next: `cncworkbench cam submit {id} --wait`</source>
        <translation>Sonraki adım: `cncworkbench cam submit {id} --wait`</translation>
    </message>
    <message>
        <source>No OS keyring: {reason}.</source>
        <translation>İşletim sistemi anahtarlığı yok: {reason}.</translation>
    </message>
    <message>
        <source>No audit anchor key: set {variable}.</source>
        <translation>Denetim çapası anahtarı yok: {variable} değişkenini ayarlayın.</translation>
    </message>
    <message>
        <source>No display: drawing the screenshot offscreen.</source>
        <translation>Ekran yok: ekran görüntüsü ekran dışında çiziliyor.</translation>
    </message>
    <message>
        <source>No one is logged in. {hint}</source>
        <translation>Kimse giriş yapmamış. {hint}</translation>
    </message>
    <message>
        <source>No one is logged in: commands act as the database owner (administration only). {hint}</source>
        <translation>Kimse giriş yapmamış: komutlar veritabanı sahibi olarak çalışır (yalnızca yönetim). {hint}</translation>
    </message>
    <message>
        <source>No one was logged in.</source>
        <translation>Giriş yapmış kimse yoktu.</translation>
    </message>
    <message>
        <source>Not reviewed yet: `cncworkbench review approve {id}` or `cncworkbench review reject {id} --comment WHY` (operators).</source>
        <translation>Henüz incelenmedi: onaylamak için `cncworkbench review approve {id}`, reddetmek için `cncworkbench review reject {id} --comment NEDEN` (operatörler).</translation>
    </message>
    <message>
        <source>Nothing was machined: fix the errors above.</source>
        <translation>Hiçbir şey işlenmedi: yukarıdaki hataları düzeltin.</translation>
    </message>
    <message>
        <source>Number of flutes (instead of --tool).</source>
        <translation>Ağız sayısı (--tool takımı yerine).</translation>
    </message>
    <message>
        <source>One JSON object per motion.</source>
        <translation>Her hareket için bir JSON nesnesi.</translation>
    </message>
    <message>
        <source>One invoice line as &quot;DESCRIPTION;QUANTITY;UNIT_PRICE&quot; (e.g. &quot;CAM lisansı;3;1234,56&quot;); repeat for more lines.</source>
        <translation>Bir fatura satırı, &quot;DESCRIPTION;QUANTITY;UNIT_PRICE&quot; biçiminde (örneğin &quot;CAM lisansı;3;1234,56&quot;); daha fazla satır için tekrarlayın.</translation>
    </message>
    <message>
        <source>Only poll (behind poolers that do not forward LISTEN/NOTIFY).</source>
        <translation>Yalnızca yoklama yapın (LISTEN/NOTIFY iletmeyen bağlantı havuzlarının arkasında).</translation>
    </message>
    <message>
        <source>Only report what would be deleted.</source>
        <translation>Yalnızca silinecek olanları bildirin.</translation>
    </message>
    <message>
        <source>Only the jobs of --user (or of the owner).</source>
        <translation>Yalnızca --user kullanıcısının (ya da sahibin) işleri.</translation>
    </message>
    <message>
        <source>Only this model.</source>
        <translation>Yalnızca bu model.</translation>
    </message>
    <message>
        <source>Only this project.</source>
        <translation>Yalnızca bu proje.</translation>
    </message>
    <message>
        <source>Open this panel first (login, browser, cam, sim, jobs, settings).</source>
        <translation>Önce bu paneli açın (login, browser, cam, sim, jobs, settings).</translation>
    </message>
    <message>
        <source>Operation, in machining order; repeatable.</source>
        <translation>İşlem, işleme sırasıyla; tekrarlanabilir.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <source>Password for {email}: </source>
        <translation>{email} için parola: </translation>
    </message>
    <message>
        <source>Plunge feed</source>
        <translation>Dalma ilerlemesi</translation>
    </message>
    <message>
        <source>Post CAM_RUN_ID&apos;s toolpaths again for another machine (or work offset).

The machine&apos;s post-processor runs on the run&apos;s saved FreeCAD CAM document; nothing is recomputed. A machine whose travel, axes or spindle cannot run the program is refused with the reasons before anything is queued. Waits for the gcode_post job unless --no-wait, running it here when no worker is alive.</source>
        <translation>CAM_RUN_ID&apos;nin takım yollarını başka bir tezgah (ya da sıfır noktası) için yeniden post edin.

Tezgahın post-işlemcisi, çalışmanın kaydedilmiş FreeCAD CAM belgesi üzerinde çalışır; hiçbir şey yeniden hesaplanmaz. Kursu, eksenleri ya da iş mili programı çalıştıramayan bir tezgah, hiçbir şey kuyruğa alınmadan gerekçeleriyle geri çevrilir. --no-wait verilmedikçe gcode_post işini bekler; canlı bir işleyici yoksa işi burada çalıştırır.</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Güç</translation>
    </message>
    <message>
        <source>Price CAM_RUN_ID: machine time, setup, stock material and tool wear from the catalog&apos;s rates. Exit status 1 when a rate is missing (each is named).</source>
        <translation>CAM_RUN_ID&apos;yi katalogdaki fiyatlarla fiyatlandırın: tezgah süresi, bağlama, ham parça malzemesi ve takım aşınması. Bir fiyat eksikse çıkış kodu 1&apos;dir (her eksik adıyla belirtilir).</translation>
    </message>
    <message>
        <source>Print INVOICE_ID as it is printed (Turkish formats).</source>
        <translation>INVOICE_ID faturasını basıldığı gibi yazdırın (Türkçe biçimler).</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>Betikler için JSON yazdırın.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON yazdırır.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Tek bir JSON nesnesi yazdırın.</translation>
    </message>
    <message>
        <source>Print the config file&apos;s path.</source>
        <translation>Yapılandırma dosyasının yolunu yazdırın.</translation>
    </message>
    <message>
        <source>Print the effective settings, secrets masked, and where each comes from.</source>
        <translation>Geçerli ayarları, gizli bilgiler maskelenmiş olarak ve her birinin nereden geldiğiyle yazdırın.</translation>
    </message>
    <message>
        <source>Print the motions of the G-code program FILE, one per line.

Each line: kind (rapid, feed or arc; a canned cycle is expanded into its rapids and
feeds), the source line, the end point in mm (program coordinates), the feed in
mm/min and the tool.</source>
        <translation>FILE G kodu programının hareketlerini her satıra bir tane olmak üzere yazdırın.

Her satır: tür (rapid, feed ya da arc; bir sabit çevrim hızlı hareketlerine ve
ilerlemelerine açılır), kaynak satır, mm cinsinden bitiş noktası (program koordinatları),
mm/dk cinsinden ilerleme ve takım.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Sonucu JSON olarak yazdırın.</translation>
    </message>
    <message>
        <source>Print the schema revision of the database and of this version of the code.</source>
        <translation>Veritabanının ve kodun bu sürümünün şema revizyonunu yazdırın.</translation>
    </message>
    <message>
        <source>Printed on the invoice.</source>
        <translation>Faturaya basılır.</translation>
    </message>
    <message>
        <source>Programmed fz</source>
        <translation>Programlanan fz</translation>
    </message>
    <message>
        <source>Project name (created if needed).</source>
        <translation>Proje adı (gerekirse oluşturulur).</translation>
    </message>
    <message>
        <source>Pull orders every N s (workers).</source>
        <translation>Siparişleri her N saniyede bir çek (işleyiciler).</translation>
    </message>
    <message>
        <source>Queue a job.</source>
        <translation>Kuyruğa bir iş ekleyin.</translation>
    </message>
    <message>
        <source>Queue the CAM job (cam_process) of SETUP_ID: G-code, the CAM document and the setup sheet, checked by LinuxCNC&apos;s rs274 where installed; the simulation follows. With --wait, follows it with a progress bar (running it here when no worker is alive).</source>
        <translation>SETUP_ID bağlamasının CAM işini (cam_process) kuyruğa alır: G kodu, CAM belgesi ve bağlama föyü; G kodu kuruluysa LinuxCNC&apos;nin rs274&apos;ü ile denetlenir; ardından simülasyon gelir. --wait ile işi bir ilerleme çubuğuyla izler (çalışan işleyici yoksa burada çalıştırır).</translation>
    </message>
    <message>
        <source>Queue the job and return.</source>
        <translation>İşi kuyruğa al ve dön.</translation>
    </message>
    <message>
        <source>Radial depth (stepover), mm. Default: full slot.</source>
        <translation>Radyal derinlik (yan adım), mm. Varsayılan: tam kanal.</translation>
    </message>
    <message>
        <source>Read G-code programs (LinuxCNC&apos;s dialect) and show what they do.</source>
        <translation>G kodu programlarını (LinuxCNC lehçesi) okuyun ve ne yaptıklarını görün.</translation>
    </message>
    <message>
        <source>Read the open orders from a system&apos;s REST endpoint and import them.</source>
        <translation>Bir sistemin REST uç noktasından açık siparişleri okuyup aktarın.</translation>
    </message>
    <message>
        <source>Read the password from standard input.</source>
        <translation>Parolayı standart girdiden okuyun.</translation>
    </message>
    <message>
        <source>Read the secret from standard input.</source>
        <translation>Gizli bilgiyi standart girdiden oku.</translation>
    </message>
    <message>
        <source>Reading {file} with FreeCAD ...</source>
        <translation>{file} FreeCAD ile okunuyor ...</translation>
    </message>
    <message>
        <source>Record a payment for issued INVOICE_ID (paid in full: the invoice is paid).</source>
        <translation>Kesilmiş INVOICE_ID için bir ödeme kaydedin (tamamı ödenince fatura ödendi olur).</translation>
    </message>
    <message>
        <source>Refund part or all of PAYMENT_ID (never more than it).</source>
        <translation>PAYMENT_ID ödemesinin bir kısmını veya tamamını iade edin (hiçbir zaman ödemeden fazla değil).</translation>
    </message>
    <message>
        <source>Reject a simulated run.</source>
        <translation>Simüle edilmiş bir çalışmayı reddedin.</translation>
    </message>
    <message>
        <source>Removal rate</source>
        <translation>Talaş kaldırma hızı</translation>
    </message>
    <message>
        <source>Remove KEY from the config file.</source>
        <translation>KEY ayarını yapılandırma dosyasından kaldırın.</translation>
    </message>
    <message>
        <source>Remove a system and its keyring secrets.</source>
        <translation>Bir sistemi ve anahtarlıktaki gizli bilgilerini kaldırın.</translation>
    </message>
    <message>
        <source>Renew automatically.</source>
        <translation>Otomatik olarak yenile.</translation>
    </message>
    <message>
        <source>Report: `cncworkbench artefact download {job} sim_report -o .`; review: `cncworkbench review show {run}`</source>
        <translation>Rapor: `cncworkbench artefact download {job} sim_report -o .`; inceleme: `cncworkbench review show {run}`</translation>
    </message>
    <message>
        <source>Results of jobs (G-code, PDFs, images).</source>
        <translation>İşlerin çıktı dosyaları (G kodu, PDF&apos;ler, resimler).</translation>
    </message>
    <message>
        <source>Retries before failing [8].</source>
        <translation>Başarısız sayılmadan önceki deneme sayısı [8].</translation>
    </message>
    <message>
        <source>Retry every failed exchange.</source>
        <translation>Başarısız her aktarımı yeniden dene.</translation>
    </message>
    <message>
        <source>Review simulated programs (operators).</source>
        <translation>Simüle edilmiş programları inceleyin (operatörler).</translation>
    </message>
    <message>
        <source>Run a failed or cancelled job again (as a new job).</source>
        <translation>Başarısız olmuş ya da iptal edilmiş bir işi (yeni bir iş olarak) yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>Run jobs (CAM, simulation, CAD, post-processing) until stopped (SIGTERM, Ctrl-C).

Connects as the worker role: cnc_worker in the embedded database, or
CNC_WORKER_DATABASE_URL / CNC_DATABASE_URL with the worker&apos;s credentials.</source>
        <translation>İşleri (CAM, simülasyon, CAD, post etme) durdurulana kadar çalıştırın (SIGTERM, Ctrl-C).

İşleyici rolüyle bağlanır: gömülü veritabanında cnc_worker, ya da işleyicinin kimlik
bilgileriyle CNC_WORKER_DATABASE_URL / CNC_DATABASE_URL.</translation>
    </message>
    <message>
        <source>Run what is queued (and what it queues), then exit.</source>
        <translation>Kuyruktakileri (ve onların kuyruğa aldıklarını) çalıştırır, sonra çıkar.</translation>
    </message>
    <message>
        <source>Save a CAM setup for MODEL_ID: the machine, material, tools and operations by name or id (each must pick one catalog item). The stock is the model&apos;s bounding box plus the margins. As many tools as operations pair in order; otherwise each operation gets the fitting tool of those named.</source>
        <translation>MODEL_ID için bir CAM bağlaması kaydeder: tezgah, malzeme, takımlar ve işlemler ad ya da id ile (her biri katalogdan tek bir öğe seçmeli). Ham parça, modelin sınır kutusu artı paylardır. İşlem sayısı kadar takım verilirse sırayla eşleşir; yoksa her işlem verilenlerden uygun takımı alır.</translation>
    </message>
    <message>
        <source>Save a PNG and quit.</source>
        <translation>PNG olarak kaydedin ve çıkın.</translation>
    </message>
    <message>
        <source>Save issued INVOICE_ID as a PDF: the stored Turkish original (drawn and stored first if it has none), or an English copy for a foreign buyer.</source>
        <translation>Kesilmiş INVOICE_ID faturasını PDF olarak kaydedin: saklanan Türkçe asıl nüsha (yoksa önce çizilip saklanır) ya da yabancı bir alıcı için İngilizce nüsha.</translation>
    </message>
    <message>
        <source>Schema migrations and the embedded database.</source>
        <translation>Şema geçişleri ve gömülü veritabanı.</translation>
    </message>
    <message>
        <source>Seconds between polls when no notification arrives.</source>
        <translation>Bildirim gelmediğinde iki yoklama arasındaki saniye.</translation>
    </message>
    <message>
        <source>Seconds to wait.</source>
        <translation>Beklenecek saniye.</translation>
    </message>
    <message>
        <source>Seconds.</source>
        <translation>Saniye.</translation>
    </message>
    <message>
        <source>Send a failed exchange again (the next sync or worker round delivers it).</source>
        <translation>Başarısız bir aktarımı yeniden gönderin (bir sonraki eşitleme ya da işleyici turu onu gönderir).</translation>
    </message>
    <message>
        <source>Set KEY (database_url, s3_bucket, s3_endpoint_url, s3_region, data_dir).</source>
        <translation>KEY ayarını belirleyin (database_url, s3_bucket, s3_endpoint_url, s3_region, data_dir).</translation>
    </message>
    <message>
        <source>Set a new password for a user; their sessions end everywhere.</source>
        <translation>Bir kullanıcıya yeni parola belirleyin; her yerdeki oturumları sona erer.</translation>
    </message>
    <message>
        <source>Set the HMAC signing secret instead.</source>
        <translation>Bunun yerine HMAC imza anahtarını ayarla.</translation>
    </message>
    <message>
        <source>Setup name.</source>
        <translation>Bağlama adı.</translation>
    </message>
    <message>
        <source>Setup sheet:    {file}</source>
        <translation>Bağlama föyü:   {file}</translation>
    </message>
    <message>
        <source>Setup time for the batch (fixturing, zeroing, first-part check).</source>
        <translation>Partinin bağlama süresi (parçayı bağlama, sıfırlama, ilk parça kontrolü).</translation>
    </message>
    <message>
        <source>Show and change settings (environment variables override the config file).</source>
        <translation>Ayarları görün ve değiştirin (ortam değişkenleri yapılandırma dosyasının önüne geçer).</translation>
    </message>
    <message>
        <source>Show how far the simulation is on stderr (default: when it is a terminal).</source>
        <translation>Simülasyonun ne kadar ilerlediğini stderr&apos;e yazın (varsayılan: stderr bir terminalse).</translation>
    </message>
    <message>
        <source>Sign the chain&apos;s newest entries with CNC_AUDIT_KEY and store them outside the database (run it from cron; audit verify checks against them).</source>
        <translation>Zincirin en yeni kayıtlarını CNC_AUDIT_KEY ile imzalar ve veritabanı dışında saklar (cron ile çalıştırın; audit verify bunlara göre denetler).</translation>
    </message>
    <message>
        <source>Simulation job {sim} queued: `cncworkbench simulate --run {run}`</source>
        <translation>{sim} numaralı simülasyon işi kuyrukta: `cncworkbench simulate --run {run}`</translation>
    </message>
    <message>
        <source>Specific cutting force, N/mm² (instead of --material).</source>
        <translation>Özgül kesme kuvveti, N/mm² (--material malzemesi yerine).</translation>
    </message>
    <message>
        <source>Specific force</source>
        <translation>Özgül kuvvet</translation>
    </message>
    <message>
        <source>Spindle maximum, rpm (instead of --machine).</source>
        <translation>Azami devir, dev/dk (--machine tezgahı yerine).</translation>
    </message>
    <message>
        <source>Spindle power, kW.</source>
        <translation>İş mili gücü, kW.</translation>
    </message>
    <message>
        <source>Spindle speed</source>
        <translation>Devir</translation>
    </message>
    <message>
        <source>Spindle speed, feed, chip load, removal rate and power for one cut.

Either from the catalog (--material, --tool, --machine) or from raw numbers
(--vc --fz --kc --diameter --flutes [--max-rpm]); raw numbers override catalog ones.</source>
        <translation>Bir kesim için devir, ilerleme, talaş yükü, talaş kaldırma hızı ve güç.

Ya katalogdan (--material malzeme, --tool takım, --machine tezgah) ya da doğrudan
sayılardan (--vc --fz --kc --diameter --flutes [--max-rpm: azami dev/dk]); doğrudan
verilen sayılar katalogdakilerin önüne geçer.</translation>
    </message>
    <message>
        <source>Stock above the part, mm.</source>
        <translation>Parçanın üstündeki ham parça payı, mm.</translation>
    </message>
    <message>
        <source>Stock margin around the part, mm.</source>
        <translation>Parçanın çevresindeki ham parça payı, mm.</translation>
    </message>
    <message>
        <source>Stock size (mm).</source>
        <translation>Ham parça boyutu (mm).</translation>
    </message>
    <message>
        <source>Stock to leave on the design (mm); more than 0 is a roughing program, whose leftover is a warning.</source>
        <translation>Tasarım üzerinde bırakılacak ham parça payı (mm); 0’dan büyükse program kaba işlemedir ve kalan malzeme uyarı olur.</translation>
    </message>
    <message>
        <source>Stock to leave on the part for a later finishing pass, by operation number or kind (2=0.5, pocket=0.3); repeatable. Operations without it finish the part: material the simulation finds left beyond it is an error.</source>
        <translation>Sonraki bir bitirme pasosu için parça üzerinde bırakılacak ham parça payı, işlem numarası ya da türüyle (2=0.5, pocket=0.3); tekrarlanabilir. Payı olmayan işlemler parçayı bitirir: simülasyonun bu payın ötesinde bulduğu kalan malzeme hatadır.</translation>
    </message>
    <message>
        <source>Stop the embedded database server.</source>
        <translation>Gömülü veritabanı sunucusunu durdurun.</translation>
    </message>
    <message>
        <source>Store the password of CNC_DATABASE_URL&apos;s user in the OS keyring.</source>
        <translation>CNC_DATABASE_URL kullanıcısının parolasını işletim sisteminin anahtarlığına kaydedin.</translation>
    </message>
    <message>
        <source>Suspend license ID (gated features stop, logins are no longer counted).</source>
        <translation>ID numaralı lisansı askıya alın (lisansa bağlı özellikler durur, girişler artık sayılmaz).</translation>
    </message>
    <message>
        <source>TRY, USD or EUR.</source>
        <translation>TRY, USD ya da EUR.</translation>
    </message>
    <message>
        <source>The FreeCAD to install into (program, bin folder or extracted AppImage).</source>
        <translation>Kurulacak FreeCAD (programı, bin klasörü ya da açılmış AppImage).</translation>
    </message>
    <message>
        <source>The catalog&apos;s machines.</source>
        <translation>Katalogdaki tezgahlar.</translation>
    </message>
    <message>
        <source>The catalog&apos;s materials.</source>
        <translation>Katalogdaki malzemeler.</translation>
    </message>
    <message>
        <source>The catalog&apos;s tools.</source>
        <translation>Katalogdaki takımlar.</translation>
    </message>
    <message>
        <source>The exchange queue by status (and the latest failures).</source>
        <translation>Duruma göre aktarım kuyruğu (ve son başarısız olanlar).</translation>
    </message>
    <message>
        <source>The new end (00:00 Istanbul time that day).</source>
        <translation>Yeni bitiş (o gün İstanbul saatiyle 00:00).</translation>
    </message>
    <message>
        <source>The object store.</source>
        <translation>Nesne deposu.</translation>
    </message>
    <message>
        <source>The provider&apos;s transaction id.</source>
        <translation>Sağlayıcının işlem numarası.</translation>
    </message>
    <message>
        <source>The stock&apos;s minimum corner in program coordinates (mm).</source>
        <translation>Ham parçanın program koordinatlarındaki en küçük köşesi (mm).</translation>
    </message>
    <message>
        <source>The sweeper needs the database owner&apos;s (or a worker&apos;s) credentials.</source>
        <translation>Temizleyici, veritabanı sahibinin (ya da bir işleyicinin) kimlik bilgilerini gerektirir.</translation>
    </message>
    <message>
        <source>The system the orders come from.</source>
        <translation>Siparişlerin geldiği sistem.</translation>
    </message>
    <message>
        <source>The tamper-evident audit trail.</source>
        <translation>Kurcalamayı belli eden denetim kaydı.</translation>
    </message>
    <message>
        <source>The uploaded file, or the STEP / STL a worker derived from it.</source>
        <translation>Yüklenen dosya ya da bir işleyicinin ondan türettiği STEP / STL.</translation>
    </message>
    <message>
        <source>The user billed.</source>
        <translation>Faturalanan kullanıcı.</translation>
    </message>
    <message>
        <source>The workbench&apos;s panels in a plain Qt window (for computers without FreeCAD).</source>
        <translation>CNC Workbench panelleri sade bir Qt penceresinde (FreeCAD olmayan bilgisayarlar için).</translation>
    </message>
    <message>
        <source>There is no display to show the window on: run it in a desktop session, over `ssh -X`, or under `xvfb-run -a -s &apos;-screen 0 1600x1000x24&apos; cncworkbench gui`; `--screenshot FILE.png` draws offscreen.</source>
        <translation>Pencereyi gösterecek bir ekran yok: bir masaüstü oturumunda, `ssh -X` üzerinden ya da `xvfb-run -a -s &apos;-screen 0 1600x1000x24&apos; cncworkbench gui` altında çalıştırın; `--screenshot DOSYA.png` ekran dışında çizer.</translation>
    </message>
    <message>
        <source>There is no project named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos; adında bir proje yok.</translation>
    </message>
    <message>
        <source>These database credentials are not the owner&apos;s: give --user EMAIL (an admin).</source>
        <translation>Bu veritabanı kimlik bilgileri sahibe ait değil: --user EPOSTA verin (bir yönetici).</translation>
    </message>
    <message>
        <source>This drops every table and all data in them. Continue?</source>
        <translation>Bu, bütün tabloları ve içlerindeki bütün verileri siler. Devam edilsin mi?</translation>
    </message>
    <message>
        <source>Tool diameter, mm (instead of --tool).</source>
        <translation>Takım çapı, mm (--tool takımı yerine).</translation>
    </message>
    <message>
        <source>Tool type (instead of --tool; default flat_endmill).</source>
        <translation>Takım tipi (--tool takımı yerine; varsayılan flat_endmill).</translation>
    </message>
    <message>
        <source>Tools of this diameter, mm.</source>
        <translation>Bu çaptaki takımlar, mm.</translation>
    </message>
    <message>
        <source>Torque</source>
        <translation>Tork</translation>
    </message>
    <message>
        <source>Turkish mobile number, e.g. 0532 123 45 67.</source>
        <translation>Türkiye cep telefonu numarası, ör. 0532 123 45 67.</translation>
    </message>
    <message>
        <source>Type (materials: category).</source>
        <translation>Tür (malzemelerde: kategori).</translation>
    </message>
    <message>
        <source>Unlock an account locked after failed logins.</source>
        <translation>Başarısız girişlerden sonra kilitlenen bir hesabın kilidini açın.</translation>
    </message>
    <message>
        <source>Upload a model file (FCStd, STEP, STL) as a new model or a new version.</source>
        <translation>Bir model dosyasını (FCStd, STEP, STL) yeni model ya da yeni sürüm olarak yükleyin.</translation>
    </message>
    <message>
        <source>User accounts (administrators).</source>
        <translation>Kullanıcı hesapları (yöneticiler).</translation>
    </message>
    <message>
        <source>Users at once.</source>
        <translation>Aynı anda oturum açabilecek kullanıcı sayısı.</translation>
    </message>
    <message>
        <source>VKN (10 digits) or TCKN (11 digits).</source>
        <translation>VKN (10 hane) ya da TCKN (11 hane).</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>UYARI</translation>
    </message>
    <message>
        <source>Wait for the job to end.</source>
        <translation>İşin bitmesini bekler.</translation>
    </message>
    <message>
        <source>Walk the hash chain; exit 1 naming the first entry that does not verify.</source>
        <translation>Karma zincirini baştan sona doğrulayın; doğrulanmayan ilk kayıt bildirilir ve 1 ile çıkılır.</translation>
    </message>
    <message>
        <source>Walk the product&apos;s main path headless on the seeded data.</source>
        <translation>Ürünün ana akışını, yüklenmiş örnek veriler üzerinde arayüzsüz olarak yürütün.</translation>
    </message>
    <message>
        <source>Where events are POSTed [events].</source>
        <translation>Olayların POST edildiği yol [events].</translation>
    </message>
    <message>
        <source>Where orders are read [orders].</source>
        <translation>Siparişlerin okunduğu yol [orders].</translation>
    </message>
    <message>
        <source>Where the design&apos;s origin lies in program coordinates (mm).</source>
        <translation>Tasarımın orijininin program koordinatlarındaki yeri (mm).</translation>
    </message>
    <message>
        <source>Where to save NUMBER.pdf (NUMBER-en.pdf in English).</source>
        <translation>NUMBER.pdf dosyasının kaydedileceği klasör (İngilizcesi NUMBER-en.pdf).</translation>
    </message>
    <message>
        <source>Who holds it (default: the first admin).</source>
        <translation>Lisans sahibi (varsayılan: ilk yönetici).</translation>
    </message>
    <message>
        <source>Who holds the seats of the license in force, with their session ids.</source>
        <translation>Geçerli lisansın koltuklarını kimlerin kullandığı, oturum numaralarıyla.</translation>
    </message>
    <message>
        <source>Who the commands act as.</source>
        <translation>Komutların kim adına çalıştığı.</translation>
    </message>
    <message>
        <source>Why (required when rejecting).</source>
        <translation>Neden (reddederken gerekli).</translation>
    </message>
    <message>
        <source>Why.</source>
        <translation>Gerekçe.</translation>
    </message>
    <message>
        <source>With --all-failed: only this system&apos;s.</source>
        <translation>--all-failed ile: yalnız bu sistemin aktarımları.</translation>
    </message>
    <message>
        <source>Words of the name.</source>
        <translation>Adın sözcükleri.</translation>
    </message>
    <message>
        <source>Write the quote PDF.</source>
        <translation>Teklif PDF&apos;ini yaz.</translation>
    </message>
    <message>
        <source>[OPTIONS]</source>
        <translation>[SEÇENEKLER]</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>anchor written: {key}</source>
        <translation>çapa yazıldı: {key}</translation>
    </message>
    <message>
        <source>approved by {by}: {comment}</source>
        <translation>onaylayan {by}: {comment}</translation>
    </message>
    <message>
        <source>audit trail BROKEN at entry {id}: {reason} ({count} entries before it verified)</source>
        <translation>denetim kaydı {id} numaralı kayıtta BOZUK: {reason} (ondan önceki {count} kayıt doğrulandı)</translation>
    </message>
    <message>
        <source>audit trail intact: {count} entries verified in {seconds} s</source>
        <translation>denetim kaydı sağlam: {count} kayıt {seconds} sn içinde doğrulandı</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>{file} okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>config file</source>
        <translation>yapılandırma dosyası</translation>
    </message>
    <message>
        <source>config file: {path}</source>
        <translation>yapılandırma dosyası: {path}</translation>
    </message>
    <message>
        <source>database</source>
        <translation>veritabanı</translation>
    </message>
    <message>
        <source>database password</source>
        <translation>veritabanı parolası</translation>
    </message>
    <message>
        <source>database: {current}  code: {head}  ({state})</source>
        <translation>veritabanı: {current}  kod: {head}  ({state})</translation>
    </message>
    <message>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <source>design: {gouges} gouges ({gouge} mm³), {leftovers} leftover regions ({leftover} mm³); tolerance {tolerance} mm, stock to leave {leave} mm</source>
        <translation>tasarım: {gouges} fazla kesme ({gouge} mm³), {leftovers} kalan malzeme bölgesi ({leftover} mm³); tolerans {tolerance} mm, bırakılan ham parça payı {leave} mm</translation>
    </message>
    <message>
        <source>downloading {name} v{version}</source>
        <translation>{name} v{version} indiriliyor</translation>
    </message>
    <message>
        <source>embedded database stopped</source>
        <translation>gömülü veritabanı durduruldu</translation>
    </message>
    <message>
        <source>embedded database was not running</source>
        <translation>gömülü veritabanı çalışmıyordu</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>ortam</translation>
    </message>
    <message>
        <source>error:   {code}: {message}</source>
        <translation>hata:    {code}: {message}</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>hata: {message}</translation>
    </message>
    <message>
        <source>file store</source>
        <translation>dosya deposu</translation>
    </message>
    <message>
        <source>given: {value} {unit}</source>
        <translation>verilen: {value} {unit}</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>devre dışı</translation>
    </message>
    <message>
        <source>input:   {json}</source>
        <translation>girdi:   {json}</translation>
    </message>
    <message>
        <source>job {id} queued</source>
        <translation>{id} numaralı iş kuyruğa eklendi</translation>
    </message>
    <message>
        <source>job {id} queued (cam_process)</source>
        <translation>{id} numaralı iş kuyrukta (cam_process)</translation>
    </message>
    <message>
        <source>job {id} queued again as job {new_id}</source>
        <translation>{id} numaralı iş, {new_id} numaralı iş olarak yeniden kuyruğa eklendi</translation>
    </message>
    <message>
        <source>job {id}: {state}</source>
        <translation>iş {id}: {state}</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>anahtarlık</translation>
    </message>
    <message>
        <source>last login {when}</source>
        <translation>son giriş {when}</translation>
    </message>
    <message>
        <source>line {line}: {kind}: {message}</source>
        <translation>satır {line}: {kind}: {message}</translation>
    </message>
    <message>
        <source>m/min</source>
        <translation>m/dk</translation>
    </message>
    <message>
        <source>machining time {time}</source>
        <translation>işleme süresi {time}</translation>
    </message>
    <message>
        <source>machining time {time} on {machine}</source>
        <translation>{machine} tezgahında işleme süresi {time}</translation>
    </message>
    <message>
        <source>metrics: {json}</source>
        <translation>ölçümler: {json}</translation>
    </message>
    <message>
        <source>model {id}  version {version}  key {key}</source>
        <translation>model {id}  sürüm {version}  anahtar {key}</translation>
    </message>
    <message>
        <source>model {id}: {name} version {version} ({format}, {size} bytes)</source>
        <translation>model {id}: {name} sürüm {version} ({format}, {size} bayt)</translation>
    </message>
    <message>
        <source>needs `cncworkbench db upgrade`</source>
        <translation>`cncworkbench db upgrade` gerekli</translation>
    </message>
    <message>
        <source>never</source>
        <translation>hiç</translation>
    </message>
    <message>
        <source>no jobs</source>
        <translation>iş yok</translation>
    </message>
    <message>
        <source>no new audit entries since the last anchor</source>
        <translation>son çapadan bu yana yeni denetim kaydı yok</translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation>sorun bulunmadı</translation>
    </message>
    <message>
        <source>no setups</source>
        <translation>bağlama yok</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>kayıtlı değil</translation>
    </message>
    <message>
        <source>not compared with a design (give --part MODEL)</source>
        <translation>bir tasarımla karşılaştırılmadı (--part MODEL verin)</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>not: {note}</translation>
    </message>
    <message>
        <source>nothing matches</source>
        <translation>eşleşen yok</translation>
    </message>
    <message>
        <source>output:  {json}</source>
        <translation>çıktı:   {json}</translation>
    </message>
    <message>
        <source>parameter file {file}: {error}</source>
        <translation>parametre dosyası {file}: {error}</translation>
    </message>
    <message>
        <source>password of {email} reset; their sessions were ended</source>
        <translation>{email} parolası sıfırlandı; oturumları sonlandırıldı</translation>
    </message>
    <message>
        <source>rejected by {by}: {comment}</source>
        <translation>reddeden {by}: {comment}</translation>
    </message>
    <message>
        <source>removed {removed} mm³ of {stock} mm³ ({percent} %, within ±{accuracy} %); {cutting} cutting moves, {air} in the air</source>
        <translation>{stock} mm³ içinden {removed} mm³ kaldırıldı (%{percent}, ±%{accuracy} doğrulukla); {cutting} kesme hareketi, {air} havada hareket</translation>
    </message>
    <message>
        <source>results (cncworkbench artefact download {id} NAME -o PATH):</source>
        <translation>çıktı dosyaları (cncworkbench artefact download {id} NAME -o PATH):</translation>
    </message>
    <message>
        <source>rpm</source>
        <translation>dev/dk</translation>
    </message>
    <message>
        <source>schema: {before} -&gt; {after}</source>
        <translation>şema: {before} -&gt; {after}</translation>
    </message>
    <message>
        <source>setup {id} &apos;{name}&apos;: model {model} v{version} ({model_name})</source>
        <translation>bağlama {id} &apos;{name}&apos;: model {model} s{version} ({model_name})</translation>
    </message>
    <message>
        <source>simulated run {id} approved</source>
        <translation>simüle edilmiş çalışma {id} onaylandı</translation>
    </message>
    <message>
        <source>simulated run {id} rejected</source>
        <translation>simüle edilmiş çalışma {id} reddedildi</translation>
    </message>
    <message>
        <source>simulated run {id}: {program} ({model}) on {machine}: {status}, {errors} errors, {warnings} warnings</source>
        <translation>simüle edilmiş çalışma {id}: {program} ({model}), tezgah {machine}: {status}, {errors} hata, {warnings} uyarı</translation>
    </message>
    <message>
        <source>simulated run {id}: {status}; {errors} errors, {warnings} warnings; removed {removed} cm³, machining time {time}</source>
        <translation>simüle edilmiş çalışma {id}: {status}; {errors} hata, {warnings} uyarı; kaldırılan {removed} cm³, işleme süresi {time}</translation>
    </message>
    <message>
        <source>simulating: {percent} %</source>
        <translation>simülasyon: %{percent}</translation>
    </message>
    <message>
        <source>simulation</source>
        <translation>simülasyon</translation>
    </message>
    <message>
        <source>simulation job {id}</source>
        <translation>simülasyon işi {id}</translation>
    </message>
    <message>
        <source>stock {sx} × {sy} × {sz} mm from {corner}; {cell} mm cells ({nx} × {ny})</source>
        <translation>ham parça {sx} × {sy} × {sz} mm, köşesi {corner}; {cell} mm hücreler ({nx} × {ny})</translation>
    </message>
    <message>
        <source>the diameter</source>
        <translation>çap</translation>
    </message>
    <message>
        <source>the flute length</source>
        <translation>ağız boyu</translation>
    </message>
    <message>
        <source>the holder diameter</source>
        <translation>tutucu çapı</translation>
    </message>
    <message>
        <source>the holder length</source>
        <translation>tutucu boyu</translation>
    </message>
    <message>
        <source>the tool number</source>
        <translation>takım numarası</translation>
    </message>
    <message>
        <source>tr: the invoice itself; en: an English copy that names the Turkish original.</source>
        <translation>tr: faturanın kendisi; en: Türkçe asıl faturayı belirten İngilizce nüsha.</translation>
    </message>
    <message>
        <source>unavailable: {reason}; secrets cannot be remembered on this computer</source>
        <translation>kullanılamıyor: {reason}; gizli bilgiler bu bilgisayarda hatırlanamaz</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>güncel</translation>
    </message>
    <message>
        <source>uploading {file}</source>
        <translation>{file} yükleniyor</translation>
    </message>
    <message>
        <source>user {id} {email} ({role}) created</source>
        <translation>kullanıcı {id} {email} ({role}) oluşturuldu</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>uyarı: {warning}</translation>
    </message>
    <message>
        <source>worker {id}: {types} ({count} at once)</source>
        <translation>işleyici {id}: {types} (aynı anda {count})</translation>
    </message>
    <message>
        <source>{count} jobs completed; nothing left to run</source>
        <translation>{count} iş tamamlandı; çalıştırılacak iş kalmadı</translation>
    </message>
    <message>
        <source>{email} ({role}), logged in until {until}; kept in {where}</source>
        <translation>{email} ({role}), {until} saatine kadar giriş yapılmış; şurada tutuluyor: {where}</translation>
    </message>
    <message>
        <source>{email} activated</source>
        <translation>{email} etkinleştirildi</translation>
    </message>
    <message>
        <source>{email} deactivated</source>
        <translation>{email} devre dışı bırakıldı</translation>
    </message>
    <message>
        <source>{email} is now {role}</source>
        <translation>{email} artık {role}</translation>
    </message>
    <message>
        <source>{email} unlocked</source>
        <translation>{email} kilidi açıldı</translation>
    </message>
    <message>
        <source>{file} ({size} bytes, sha256 {sha256}… verified)</source>
        <translation>{file} ({size} bayt, sha256 {sha256}… doğrulandı)</translation>
    </message>
    <message>
        <source>{key} removed from {path}</source>
        <translation>{key}, {path} dosyasından kaldırıldı</translation>
    </message>
    <message>
        <source>{key} saved in {path}</source>
        <translation>{key}, {path} dosyasına kaydedildi</translation>
    </message>
    <message>
        <source>{kind}: {message}</source>
        <translation>{kind}: {message}</translation>
    </message>
    <message>
        <source>{percent} % of the design&apos;s outline is not verifiable from above (undercuts)</source>
        <translation>tasarımın dış hatlarının %{percent} kadarı yukarıdan doğrulanamıyor (alttan boşluklar)</translation>
    </message>
    <message>
        <source>{state}, LOCKED</source>
        <translation>{state}, KİLİTLİ</translation>
    </message>
    <message>
        <source>{value} cm³/min</source>
        <translation>{value} cm³/dk</translation>
    </message>
    <message>
        <source>{value} m/min</source>
        <translation>{value} m/dk</translation>
    </message>
    <message>
        <source>{value} mm/min</source>
        <translation>{value} mm/dk</translation>
    </message>
    <message>
        <source>{value} rpm</source>
        <translation>{value} dev/dk</translation>
    </message>
</context>
<context>
    <name>CliBilling</name>
    <message>
        <source>  owed {amount}</source>
        <translation>  borç {amount}</translation>
    </message>
    <message>
        <source>  {email:&lt;36} since {since}  session {sessions}</source>
        <translation>  {email:&lt;36} {since} itibarıyla  oturum {sessions}</translation>
    </message>
    <message>
        <source>  {email:&lt;36} since {since}  sessions {sessions}</source>
        <translation>  {email:&lt;36} {since} itibarıyla  oturumlar {sessions}</translation>
    </message>
    <message>
        <source>#{id:&lt;4} {number:&lt;16} {status:&lt;9} {total:&gt;18}  due {due}  {buyer}{owed}</source>
        <translation>#{id:&lt;4} {number:&lt;16} {status:&lt;9} {total:&gt;18}  vade {due}  {buyer}{owed}</translation>
    </message>
    <message>
        <source>#{id:&lt;4} {type:&lt;13} {status:&lt;10} {seats:&gt;4} seats  {starts} – {ends}  {renew}{holder}  {state}</source>
        <translation>#{id:&lt;4} {type:&lt;13} {status:&lt;10} {seats:&gt;4} koltuk  {starts} – {ends}  {renew}{holder}  {state}</translation>
    </message>
    <message>
        <source>--line &apos;{text}&apos;: write DESCRIPTION;QUANTITY;UNIT_PRICE, e.g. &quot;CAM lisansı;3;1234,56&quot;.</source>
        <translation>--line &apos;{text}&apos;: DESCRIPTION;QUANTITY;UNIT_PRICE biçiminde yazın, örneğin &quot;CAM lisansı;3;1234,56&quot;.</translation>
    </message>
    <message>
        <source>Invoice #{id} issued as {number}.</source>
        <translation>Fatura #{id}, {number} numarasıyla kesildi.</translation>
    </message>
    <message>
        <source>Invoice PDF: {path}</source>
        <translation>Fatura PDF&apos;i: {path}</translation>
    </message>
    <message>
        <source>Invoice draft #{id} for {email}: subtotal {subtotal}, KDV {tax} ({rate}), total {total}, due {due}.</source>
        <translation>{email} için fatura taslağı #{id}: ara toplam {subtotal}, KDV {tax} ({rate}), genel toplam {total}, vade {due}.</translation>
    </message>
    <message>
        <source>License #{id} added: {plan}, {seats} seats, {starts} – {ends}, held by {email}.</source>
        <translation>Lisans #{id} eklendi: {plan}, {seats} koltuk, {starts} – {ends}, lisans sahibi {email}.</translation>
    </message>
    <message>
        <source>License #{id} is {status}.</source>
        <translation>Lisans #{id}: {status}.</translation>
    </message>
    <message>
        <source>License #{id} runs until {ends} ({status}).</source>
        <translation>Lisans #{id} {ends} tarihine kadar geçerli ({status}).</translation>
    </message>
    <message>
        <source>No invoices {status}.</source>
        <translation>Durumu &quot;{status}&quot; olan fatura yok.</translation>
    </message>
    <message>
        <source>No invoices.</source>
        <translation>Fatura yok.</translation>
    </message>
    <message>
        <source>No license in force: logins are not counted ({count} users logged in).</source>
        <translation>Geçerli lisans yok: girişler sayılmaz (oturum açmış kullanıcı: {count}).</translation>
    </message>
    <message>
        <source>No licenses: logins are not counted and gated features are refused.</source>
        <translation>Lisans yok: girişler sayılmaz ve lisansa bağlı özellikler reddedilir.</translation>
    </message>
    <message>
        <source>Payment #{id} of {amount} recorded; invoice {number} is paid.</source>
        <translation>{amount} tutarındaki ödeme #{id} kaydedildi; {number} faturası ödendi.</translation>
    </message>
    <message>
        <source>Payment #{id} of {amount} recorded; {left} still owed on {number}.</source>
        <translation>{amount} tutarındaki ödeme #{id} kaydedildi; {number} faturasında {left} borç kaldı.</translation>
    </message>
    <message>
        <source>Payment #{id}: {refunded} refunded in all, {left} kept ({status}).</source>
        <translation>Ödeme #{id}: toplam {refunded} iade edildi, {left} kaldı ({status}).</translation>
    </message>
    <message>
        <source>Session {id} ended.</source>
        <translation>Oturum {id} sonlandırıldı.</translation>
    </message>
    <message>
        <source>The {what} &apos;{value}&apos; is not a date; write 2026-12-31 or 31.12.2026.</source>
        <translation>&apos;{value}&apos; geçerli bir {what} değil; 2026-12-31 veya 31.12.2026 biçiminde yazın.</translation>
    </message>
    <message>
        <source>auto-renew</source>
        <translation>otomatik yenileme</translation>
    </message>
    <message>
        <source>date</source>
        <translation>tarih</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>vade tarihi</translation>
    </message>
    <message>
        <source>end</source>
        <translation>bitiş tarihi</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>geçerli</translation>
    </message>
    <message>
        <source>not_started</source>
        <translation>başlamadı</translation>
    </message>
    <message>
        <source>start</source>
        <translation>başlangıç tarihi</translation>
    </message>
    <message>
        <source>{count} of {seats} seats in use (license #{id}, {plan}).</source>
        <translation>{seats} koltuğun {count} tanesi kullanımda (lisans #{id}, {plan}).</translation>
    </message>
</context>
<context>
    <name>CliCad</name>
    <message>
        <source>CAM run {id}: {lines} lines for {machine} ({post_processor}, {work_offset}), estimated {minutes} min {seconds} s</source>
        <translation>CAM çalışması {id}: {machine} için {lines} satır ({post_processor}, {work_offset}), tahmini {minutes} dk {seconds} sn</translation>
    </message>
    <message>
        <source>G-code: {path}</source>
        <translation>G kodu: {path}</translation>
    </message>
    <message>
        <source>Posting</source>
        <translation>Post ediliyor</translation>
    </message>
    <message>
        <source>REFUSED: {error}</source>
        <translation>GERİ ÇEVRİLDİ: {error}</translation>
    </message>
    <message>
        <source>Stored &apos;{name}&apos; as model {id} version {version} ({size} mm, {volume} mm³)</source>
        <translation>&apos;{name}&apos;, model {id} sürüm {version} olarak kaydedildi ({size} mm, {volume} mm³)</translation>
    </message>
    <message>
        <source>WARNING: {warning}</source>
        <translation>UYARI: {warning}</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>kabul etti</translation>
    </message>
    <message>
        <source>job {id} queued ({type})</source>
        <translation>iş {id} kuyruğa alındı ({type})</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>not: {note}</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>reddetti</translation>
    </message>
    <message>
        <source>{machine} cannot run CAM run {id}&apos;s program.</source>
        <translation>{machine}, CAM çalışması {id} programını çalıştıramaz.</translation>
    </message>
</context>
<context>
    <name>CliErp</name>
    <message>
        <source>Give --url, --direction and --entity-types.</source>
        <translation>--url, --direction ve --entity-types verin.</translation>
    </message>
    <message>
        <source>Give an exchange id or --all-failed.</source>
        <translation>Bir aktarım numarası ya da --all-failed verin.</translation>
    </message>
    <message>
        <source>Nothing to change: give at least one option.</source>
        <translation>Değiştirilecek bir şey yok: en az bir seçenek verin.</translation>
    </message>
    <message>
        <source>Signing secret for {name}: </source>
        <translation>{name} için imza anahtarı: </translation>
    </message>
    <message>
        <source>The secret is empty (use --clear to forget it).</source>
        <translation>Gizli bilgi boş (unutmak için --clear kullanın).</translation>
    </message>
    <message>
        <source>Token for {name}: </source>
        <translation>{name} için belirteç: </translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>attempt {attempt}</source>
        <translation>deneme {attempt}</translation>
    </message>
    <message>
        <source>exchange {id} queued again</source>
        <translation>aktarım {id} yeniden sıraya alındı</translation>
    </message>
    <message>
        <source>external system {name} added</source>
        <translation>dış sistem {name} eklendi</translation>
    </message>
    <message>
        <source>external system {name} removed</source>
        <translation>dış sistem {name} kaldırıldı</translation>
    </message>
    <message>
        <source>external system {name} removed; {count} undelivered exchange(s) marked failed</source>
        <translation>dış sistem {name} kaldırıldı; gönderilmemiş {count} aktarım başarısız sayıldı</translation>
    </message>
    <message>
        <source>external system {name} updated</source>
        <translation>dış sistem {name} güncellendi</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>devre dışı</translation>
    </message>
    <message>
        <source>next {when}</source>
        <translation>sonraki {when}</translation>
    </message>
    <message>
        <source>no external systems; add one with `cncworkbench erp system add`</source>
        <translation>dış sistem yok; `cncworkbench erp system add` ile bir tane ekleyin</translation>
    </message>
    <message>
        <source>set its token: cncworkbench erp system set-token {name}   (or the environment variable CNC_ERP_TOKEN_{name})</source>
        <translation>belirtecini ayarlayın: cncworkbench erp system set-token {name}   (ya da CNC_ERP_TOKEN_{name} ortam değişkeni)</translation>
    </message>
    <message>
        <source>signing secret of {name} forgotten</source>
        <translation>{name} imza anahtarı unutuldu</translation>
    </message>
    <message>
        <source>signing secret of {name} stored in the OS keyring</source>
        <translation>{name} imza anahtarı işletim sistemi anahtarlığına kaydedildi</translation>
    </message>
    <message>
        <source>synced {when}</source>
        <translation>eşitlendi {when}</translation>
    </message>
    <message>
        <source>token of {name} forgotten</source>
        <translation>{name} belirteci unutuldu</translation>
    </message>
    <message>
        <source>token of {name} stored in the OS keyring</source>
        <translation>{name} belirteci işletim sistemi anahtarlığına kaydedildi</translation>
    </message>
    <message>
        <source>token: {source}</source>
        <translation>belirteç: {source}</translation>
    </message>
    <message>
        <source>{count} failed exchange(s) queued again</source>
        <translation>{count} başarısız aktarım yeniden sıraya alındı</translation>
    </message>
    <message>
        <source>{type} import</source>
        <translation>{type} aktarımı</translation>
    </message>
</context>
<context>
    <name>CliLogin</name>
    <message>
        <source>Log in first: `cncworkbench login EMAIL` (or give --user EMAIL to a command run with the database owner&apos;s credentials).</source>
        <translation>Önce giriş yapın: `cncworkbench login EMAIL` (ya da veritabanı sahibinin kimlik bilgileriyle çalışan bir komuta --user EMAIL verin).</translation>
    </message>
    <message>
        <source>These database credentials are not the owner&apos;s, and no one is logged in. {hint}</source>
        <translation>Bu veritabanı kimlik bilgileri sahibinki değil ve kimse giriş yapmamış. {hint}</translation>
    </message>
    <message>
        <source>This is done as a person, and no one is logged in. {hint}</source>
        <translation>Bu iş bir kişi adına yapılır ve kimse giriş yapmamış. {hint}</translation>
    </message>
    <message>
        <source>the OS keyring ({backend})</source>
        <translation>işletim sisteminin anahtarlığı ({backend})</translation>
    </message>
    <message>
        <source>{file} (no OS keyring on this computer; the file is readable only by you)</source>
        <translation>{file} (bu bilgisayarda işletim sistemi anahtarlığı yok; dosyayı yalnızca siz okuyabilirsiniz)</translation>
    </message>
    <message>
        <source>{refusal} (Commands act as {email}, logged in with `cncworkbench login`; `cncworkbench logout` to act as the database owner.)</source>
        <translation>{refusal} (Komutlar `cncworkbench login` ile giriş yapmış {email} adına çalışıyor; veritabanı sahibi olarak çalışmak için `cncworkbench logout`.)</translation>
    </message>
</context>
<context>
    <name>CliQuote</name>
    <message>
        <source>A quote in {currency} needs the exchange rate: give --rate (TRY per {currency}, e.g. --rate 34.25).</source>
        <translation>{currency} cinsinden teklif için döviz kuru gerekir: --rate verin (1 {currency} için TRY, örneğin --rate 34,25).</translation>
    </message>
    <message>
        <source>Batch total</source>
        <translation>Parti toplamı</translation>
    </message>
    <message>
        <source>Invoice draft #{id} for {buyer}.</source>
        <translation>{buyer} için fatura taslağı #{id}.</translation>
    </message>
    <message>
        <source>MISSING {missing}</source>
        <translation>EKSİK {missing}</translation>
    </message>
    <message>
        <source>Per part</source>
        <translation>Parça başı</translation>
    </message>
    <message>
        <source>Quote PDF: {path}</source>
        <translation>Teklif PDF&apos;i: {path}</translation>
    </message>
    <message>
        <source>Quote for CAM run {id} ({part}): {quantity} parts on {machine}, {material}</source>
        <translation>CAM çalışması {id} ({part}) için teklif: {machine} tezgahında {quantity} parça, {material}</translation>
    </message>
    <message>
        <source>in {currency} at {rate} TRY per {currency}</source>
        <translation>{currency} cinsinden, 1 {currency} = {rate} TRY kuruyla</translation>
    </message>
</context>
<context>
    <name>Click</name>
    <message>
        <source>(Did you mean one of: {possibilities}?)</source>
        <translation>(Şunlardan birini mi demek istediniz: {possibilities}?)</translation>
    </message>
    <message>
        <source>(dynamic)</source>
        <translation>(dinamik)</translation>
    </message>
    <message>
        <source>Aborted!</source>
        <translation>İptal edildi!</translation>
    </message>
    <message>
        <source>Argument {name!r} takes {nargs} values.</source>
        <translation>{name!r} argümanı {nargs} değer alır.</translation>
    </message>
    <message>
        <source>Choose from:
	{choices}</source>
        <translation>Şunlardan birini seçin:
	{choices}</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Komutlar</translation>
    </message>
    <message>
        <source>Could not open file {filename!r}: {message}</source>
        <translation>{filename!r} dosyası açılamadı: {message}</translation>
    </message>
    <message>
        <source>Did you mean {possibility}?</source>
        <translation>{possibility} mi demek istediniz?</translation>
    </message>
    <message>
        <source>Error: The two entered values do not match.</source>
        <translation>Hata: Girilen iki değer birbirini tutmuyor.</translation>
    </message>
    <message>
        <source>Error: invalid input</source>
        <translation>Hata: geçersiz girdi</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Hata: {message}</translation>
    </message>
    <message>
        <source>Got unexpected extra argument ({args})</source>
        <translation>Beklenmeyen fazladan argüman ({args})</translation>
    </message>
    <message>
        <source>Got unexpected extra arguments ({args})</source>
        <translation>Beklenmeyen fazladan argümanlar ({args})</translation>
    </message>
    <message>
        <source>Invalid value for {param_hint}: {message}</source>
        <translation>{param_hint} için geçersiz değer: {message}</translation>
    </message>
    <message>
        <source>Invalid value: {message}</source>
        <translation>Geçersiz değer: {message}</translation>
    </message>
    <message>
        <source>Missing argument</source>
        <translation>Eksik argüman</translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation>Komut eksik.</translation>
    </message>
    <message>
        <source>Missing option</source>
        <translation>Eksik seçenek</translation>
    </message>
    <message>
        <source>Missing parameter</source>
        <translation>Eksik parametre</translation>
    </message>
    <message>
        <source>Missing parameter: {param_name}</source>
        <translation>Eksik parametre: {param_name}</translation>
    </message>
    <message>
        <source>No such command {name!r}.</source>
        <translation>{name!r} adında bir komut yok.</translation>
    </message>
    <message>
        <source>No such option {name!r}.</source>
        <translation>{name!r} adında bir seçenek yok.</translation>
    </message>
    <message>
        <source>Option {name!r} does not take a value.</source>
        <translation>{name!r} seçeneği değer almaz.</translation>
    </message>
    <message>
        <source>Option {name!r} requires an argument.</source>
        <translation>{name!r} seçeneği bir argüman ister.</translation>
    </message>
    <message>
        <source>Option {name!r} requires {nargs} arguments.</source>
        <translation>{name!r} seçeneği {nargs} argüman ister.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Seçenekler</translation>
    </message>
    <message>
        <source>Positional arguments</source>
        <translation>Konumsal argümanlar</translation>
    </message>
    <message>
        <source>Repeat for confirmation</source>
        <translation>Doğrulamak için tekrar girin</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Sürümü gösterin ve çıkın.</translation>
    </message>
    <message>
        <source>Show this message and exit.</source>
        <translation>Bu yardım iletisini gösterin ve çıkın.</translation>
    </message>
    <message>
        <source>Takes {nargs} values but 1 was given.</source>
        <translation>{nargs} değer alır, ancak 1 değer verildi.</translation>
    </message>
    <message>
        <source>Takes {nargs} values but {len} were given.</source>
        <translation>{nargs} değer alır, ancak {len} değer verildi.</translation>
    </message>
    <message>
        <source>Try &apos;{command} {option}&apos; for help.</source>
        <translation>Yardım için &apos;{command} {option}&apos; komutunu deneyin.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Kullanım:</translation>
    </message>
    <message>
        <source>default: {default}</source>
        <translation>varsayılan: {default}</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>klasör</translation>
    </message>
    <message>
        <source>env var: {var}</source>
        <translation>ortam değişkeni: {var}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>dosya</translation>
    </message>
    <message>
        <source>path</source>
        <translation>yol</translation>
    </message>
    <message>
        <source>required</source>
        <translation>zorunlu</translation>
    </message>
    <message>
        <source>{name} {filename!r} does not exist.</source>
        <translation>{name} {filename!r} mevcut değil.</translation>
    </message>
    <message>
        <source>{name} {filename!r} is a directory.</source>
        <translation>{name} {filename!r} bir klasör.</translation>
    </message>
    <message>
        <source>{name} {filename!r} is a file.</source>
        <translation>{name} {filename!r} bir dosya.</translation>
    </message>
    <message>
        <source>{name} {filename!r} is not readable.</source>
        <translation>{name} {filename!r} okunamıyor.</translation>
    </message>
    <message>
        <source>{name} {filename!r} is not writable.</source>
        <translation>{name} {filename!r} yazılamıyor.</translation>
    </message>
    <message>
        <source>{value!r} is not a valid {number_type}.</source>
        <translation>{value!r} geçerli bir {number_type} değil.</translation>
    </message>
    <message>
        <source>{value!r} is not one of {choices}.</source>
        <translation>{value!r} şunlardan biri değil: {choices}.</translation>
    </message>
    <message>
        <source>{value!r} is not {choice}.</source>
        <translation>{value!r}, {choice} değil.</translation>
    </message>
    <message>
        <source>{value} is not in the range {range}.</source>
        <translation>{value}, {range} aralığında değil.</translation>
    </message>
</context>
<context>
    <name>Coatings</name>
    <message>
        <source>uncoated</source>
        <translation>kaplamasız</translation>
    </message>
</context>
<context>
    <name>Components</name>
    <message>
        <source>database</source>
        <translation>veritabanı</translation>
    </message>
    <message>
        <source>file store</source>
        <translation>dosya deposu</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>anahtarlık</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>(AWS default)</source>
        <translation>(AWS varsayılanı)</translation>
    </message>
    <message>
        <source>(default user)</source>
        <translation>(varsayılan kullanıcı)</translation>
    </message>
    <message>
        <source>(embedded PostgreSQL under data_dir)</source>
        <translation>(data_dir altında gömülü PostgreSQL)</translation>
    </message>
    <message>
        <source>(local folder store under data_dir)</source>
        <translation>(data_dir altında yerel klasör deposu)</translation>
    </message>
    <message>
        <source>CNC_DATABASE_URL must be a PostgreSQL URL such as postgresql://user@host:5432/cncworkbench (got scheme {scheme}).</source>
        <translation>CNC_DATABASE_URL, postgresql://user@host:5432/cncworkbench gibi bir PostgreSQL URL&apos;si olmalı (verilen şema: {scheme}).</translation>
    </message>
    <message>
        <source>CNC_DATA_DIR (embedded database)</source>
        <translation>CNC_DATA_DIR (gömülü veritabanı)</translation>
    </message>
    <message>
        <source>CNC_S3_ENDPOINT_URL must start with http:// or https:// (got {url}).</source>
        <translation>CNC_S3_ENDPOINT_URL, http:// ya da https:// ile başlamalı (verilen: {url}).</translation>
    </message>
    <message>
        <source>Cannot connect to the database at {target} ({setting}): {error}</source>
        <translation>{target} adresindeki veritabanına bağlanılamıyor ({setting}): {error}</translation>
    </message>
    <message>
        <source>Cannot store the secret: {reason}. Install and unlock a keyring, or give the secret through the environment instead.</source>
        <translation>Gizli bilgi saklanamıyor: {reason}. Bir anahtarlık kurup kilidini açın ya da gizli bilgiyi bunun yerine ortam değişkeniyle verin.</translation>
    </message>
    <message>
        <source>Creating the embedded PostgreSQL cluster in {folder} ...</source>
        <translation>Gömülü PostgreSQL kümesi {folder} içinde oluşturuluyor ...</translation>
    </message>
    <message>
        <source>Creating the embedded database in {folder} failed: {error}</source>
        <translation>Gömülü veritabanı {folder} içinde oluşturulamadı: {error}</translation>
    </message>
    <message>
        <source>Do not put the password in database_url; store it with `cncworkbench config set-db-password`.</source>
        <translation>Parolayı database_url içine yazmayın; `cncworkbench config set-db-password` ile kaydedin.</translation>
    </message>
    <message>
        <source>FreeCAD is not installed (no freecadcmd on PATH): install it (Debian: apt install freecad) or name it with --freecad PATH.</source>
        <translation>FreeCAD kurulu değil (PATH üzerinde freecadcmd yok): kurun (Debian: apt install freecad) ya da --freecad YOL ile belirtin.</translation>
    </message>
    <message>
        <source>FreeCAD {version}&apos;s Python {python} has no pip to install the dependencies with: install pip for that Python (Debian: apt install python3-pip) and run &apos;cncworkbench freecad install&apos; again.</source>
        <translation>FreeCAD {version} sürümünün Python {python} yorumlayıcısında bağımlılıkları kuracak pip yok: o Python için pip kurun (Debian: apt install python3-pip) ve &apos;cncworkbench freecad install&apos; komutunu yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>Install PostgreSQL&apos;s server programs (Debian/Ubuntu: `sudo apt install postgresql`; Fedora: `sudo dnf install postgresql-server`) or set CNC_DATABASE_URL to an existing PostgreSQL server.</source>
        <translation>PostgreSQL sunucu programlarını kurun (Debian/Ubuntu: `sudo apt install postgresql`; Fedora: `sudo dnf install postgresql-server`) ya da CNC_DATABASE_URL ayarını var olan bir PostgreSQL sunucusuna yöneltin.</translation>
    </message>
    <message>
        <source>Installing into FreeCAD failed: {detail}</source>
        <translation>FreeCAD&apos;e kurulum başarısız oldu: {detail}</translation>
    </message>
    <message>
        <source>No PostgreSQL server programs (initdb, pg_ctl) were found for the embedded database. {hint}</source>
        <translation>Gömülü veritabanı için PostgreSQL sunucu programları (initdb, pg_ctl) bulunamadı. {hint}</translation>
    </message>
    <message>
        <source>No wheels of the pinned dependencies for FreeCAD {version}&apos;s Python {python} could be installed into {folder} (offline, or a Python newer than the pins): install them with that Python&apos;s pip by hand or use a FreeCAD with Python 3.11-3.14. pip said: {detail}</source>
        <translation>Sabitlenmiş bağımlılıkların FreeCAD {version} sürümünün Python {python} yorumlayıcısına uygun paketleri {folder} klasörüne kurulamadı (çevrimdışı ya da sabitlenen sürümlerden yeni bir Python): onları o Python&apos;un pip&apos;i ile elle kurun ya da Python 3.11-3.14 kullanan bir FreeCAD kullanın. pip&apos;in mesajı: {detail}</translation>
    </message>
    <message>
        <source>Nothing answers at {target} ({setting}): connection refused. Start PostgreSQL there or correct the host and port in {setting}.</source>
        <translation>{target} adresinde yanıt veren yok ({setting}): bağlantı reddedildi. Orada PostgreSQL&apos;i başlatın ya da {setting} içindeki sunucu ve bağlantı noktasını düzeltin.</translation>
    </message>
    <message>
        <source>Stopping the embedded database failed: {error}</source>
        <translation>Gömülü veritabanı durdurulamadı: {error}</translation>
    </message>
    <message>
        <source>The config file {path} has unknown setting(s) {unknown}; known settings are {known}.</source>
        <translation>{path} yapılandırma dosyasında bilinmeyen ayar(lar) var: {unknown}; bilinen ayarlar: {known}.</translation>
    </message>
    <message>
        <source>The config file {path} holds a database password in database_url; passwords belong in the OS keyring: remove it there and run `cncworkbench config set-db-password`.</source>
        <translation>{path} yapılandırma dosyasında database_url içinde bir veritabanı parolası var; parolaların yeri işletim sisteminin anahtarlığıdır: parolayı oradan silin ve `cncworkbench config set-db-password` komutunu çalıştırın.</translation>
    </message>
    <message>
        <source>The config file {path} is not valid TOML ({error}). Fix or delete it.</source>
        <translation>{path} yapılandırma dosyası geçerli bir TOML değil ({error}). Dosyayı düzeltin ya da silin.</translation>
    </message>
    <message>
        <source>The database &apos;{database}&apos; does not exist on {host} ({setting}). Create it (`createdb {database}`) or correct the database name in {setting}.</source>
        <translation>&apos;{database}&apos; veritabanı {host} üzerinde yok ({setting}). Oluşturun (`createdb {database}`) ya da {setting} içindeki veritabanı adını düzeltin.</translation>
    </message>
    <message>
        <source>The database at {target} did not answer within {seconds} s ({setting}). Check the host, port and any firewall between here and the server.</source>
        <translation>{target} adresindeki veritabanı {seconds} sn içinde yanıt vermedi ({setting}). Sunucu adını, bağlantı noktasını ve buradan sunucuya kadar aradaki güvenlik duvarlarını kontrol edin.</translation>
    </message>
    <message>
        <source>The database at {target} rejected the password for user &apos;{user}&apos; ({setting}). Store the right one with `cncworkbench config set-db-password`.</source>
        <translation>{target} adresindeki veritabanı &apos;{user}&apos; kullanıcısının parolasını reddetti ({setting}). Doğru parolayı `cncworkbench config set-db-password` ile kaydedin.</translation>
    </message>
    <message>
        <source>The database at {target} wants a password for user &apos;{user}&apos; and none is stored. Run `cncworkbench config set-db-password` ({setting}).</source>
        <translation>{target} adresindeki veritabanı &apos;{user}&apos; kullanıcısı için parola istiyor ve kayıtlı parola yok. `cncworkbench config set-db-password` komutunu çalıştırın ({setting}).</translation>
    </message>
    <message>
        <source>The database host &apos;{host}&apos; in {setting} is unknown. Correct the host name in {setting}, or unset it to use the embedded database.</source>
        <translation>{setting} içindeki &apos;{host}&apos; veritabanı sunucusu bilinmiyor. {setting} içindeki sunucu adını düzeltin ya da gömülü veritabanını kullanmak için ayarı kaldırın.</translation>
    </message>
    <message>
        <source>The database server runs as the OS user &apos;{user}&apos;, which cannot enter {folder}. Choose a CNC_DATA_DIR that user can reach.</source>
        <translation>Veritabanı sunucusu &apos;{user}&apos; işletim sistemi kullanıcısıyla çalışıyor ve bu kullanıcı {folder} klasörüne giremiyor. Bu kullanıcının erişebildiği bir CNC_DATA_DIR seçin.</translation>
    </message>
    <message>
        <source>The embedded database in {folder} did not start: {error} (full log: {log}).</source>
        <translation>{folder} içindeki gömülü veritabanı başlamadı: {error} (günlüğün tamamı: {log}).</translation>
    </message>
    <message>
        <source>The embedded database must run as an unprivileged OS user when started by root, and the user &apos;{user}&apos; does not exist. Create it (`useradd --system {user}`) or set CNC_PG_OS_USER to another user.</source>
        <translation>Gömülü veritabanı root tarafından başlatıldığında ayrıcalıksız bir işletim sistemi kullanıcısıyla çalışmalıdır ve &apos;{user}&apos; kullanıcısı yok. Kullanıcıyı oluşturun (`useradd --system {user}`) ya da CNC_PG_OS_USER ile başka bir kullanıcı belirtin.</translation>
    </message>
    <message>
        <source>The embedded database was created by PostgreSQL {version}, whose server programs are not installed. Install PostgreSQL {version} (Debian: `sudo apt install postgresql-{version}`) or set CNC_DATABASE_URL.</source>
        <translation>Gömülü veritabanı PostgreSQL {version} ile oluşturulmuş ve bu sürümün sunucu programları kurulu değil. PostgreSQL {version} kurun (Debian: `sudo apt install postgresql-{version}`) ya da CNC_DATABASE_URL ayarlayın.</translation>
    </message>
    <message>
        <source>The embedded database was not shut down cleanly; recovering ...</source>
        <translation>Gömülü veritabanı düzgün kapatılmamış; kurtarılıyor ...</translation>
    </message>
    <message>
        <source>The setting &apos;{key}&apos; in {path} must be a string in quotes.</source>
        <translation>{path} içindeki &apos;{key}&apos; ayarı tırnak içinde bir metin olmalı.</translation>
    </message>
    <message>
        <source>The user &apos;{user}&apos; does not exist on the database server {host} ({setting}). Correct the user name in {setting} or ask the database admin.</source>
        <translation>&apos;{user}&apos; kullanıcısı {host} veritabanı sunucusunda yok ({setting}). {setting} içindeki kullanıcı adını düzeltin ya da veritabanı yöneticisine danışın.</translation>
    </message>
    <message>
        <source>Unknown setting {key}; known settings are {known}.</source>
        <translation>Bilinmeyen ayar {key}; bilinen ayarlar: {known}.</translation>
    </message>
    <message>
        <source>no OS keyring (Secret Service, KWallet, macOS Keychain) is available</source>
        <translation>işletim sisteminin bir anahtarlığı (Secret Service, KWallet, macOS Keychain) yok</translation>
    </message>
    <message>
        <source>no OS keyring (Secret Service, KWallet, macOS Keychain) is available, only the insecure file keyring of keyrings.alt</source>
        <translation>işletim sisteminin bir anahtarlığı (Secret Service, KWallet, macOS Keychain) yok, yalnızca keyrings.alt&apos;ın güvensiz dosya anahtarlığı var</translation>
    </message>
    <message>
        <source>the keyring library failed to load ({error})</source>
        <translation>anahtarlık kitaplığı yüklenemedi ({error})</translation>
    </message>
    <message>
        <source>{folder} exists but holds no PostgreSQL cluster; move it away so the embedded database can be created there.</source>
        <translation>{folder} var ama içinde PostgreSQL kümesi yok; gömülü veritabanının orada oluşturulabilmesi için onu başka bir yere taşıyın.</translation>
    </message>
    <message>
        <source>{link} already exists and is not a link to this checkout; move it away (an Addon Manager install?) to use this one.</source>
        <translation>{link} zaten var ve bu çalışma kopyasına bir bağlantı değil; bunu kullanmak için onu başka bir yere taşıyın (bir Addon Manager kurulumu mu?).</translation>
    </message>
    <message>
        <source>{path} is not a FreeCAD installation: no freecadcmd next to it (give FreeCAD&apos;s program, its bin folder or an extracted AppImage).</source>
        <translation>{path} bir FreeCAD kurulumu değil: yanında freecadcmd yok (FreeCAD&apos;in programını, bin klasörünü ya da açılmış bir AppImage verin).</translation>
    </message>
    <message>
        <source>{program} did not answer within {seconds} s.</source>
        <translation>{program} {seconds} sn içinde yanıt vermedi.</translation>
    </message>
    <message>
        <source>{program} stopped without an answer (exit {code}): {output}</source>
        <translation>{program} yanıt vermeden durdu (çıkış kodu {code}): {output}</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <source>(AWS default)</source>
        <translation>(AWS varsayılanı)</translation>
    </message>
    <message>
        <source>(embedded PostgreSQL under data_dir)</source>
        <translation>(data_dir altındaki gömülü PostgreSQL)</translation>
    </message>
    <message>
        <source>(local folder store under data_dir)</source>
        <translation>(data_dir altındaki yerel klasör deposu)</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Bileşen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Bağlanıyor…</translation>
    </message>
    <message>
        <source>Database and file store answer.</source>
        <translation>Veritabanı ve dosya deposu yanıt veriyor.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert trial #{id} to a plan</source>
        <translation>#{id} numaralı denemeyi plana dönüştür</translation>
    </message>
    <message>
        <source>License #{id} is now {plan}.</source>
        <translation>Lisans #{id} artık {plan}.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Renew automatically</source>
        <translation>Otomatik yenile</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Koltuk:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Bitiş:</translation>
    </message>
</context>
<context>
    <name>Costing</name>
    <message>
        <source>A quote in {currency} needs the exchange rate (TRY per {currency}); the catalog&apos;s rates are in Turkish lira.</source>
        <translation>{currency} cinsinden bir teklif için döviz kuru (1 {currency} başına TRY) gerekir; katalogdaki fiyatlar Türk lirası cinsindendir.</translation>
    </message>
    <message>
        <source>Machine time on {machine}</source>
        <translation>Tezgah süresi ({machine})</translation>
    </message>
    <message>
        <source>Setup (once per batch)</source>
        <translation>Bağlama (parti başına bir kez)</translation>
    </message>
    <message>
        <source>Stock material ({material})</source>
        <translation>Ham parça malzemesi ({material})</translation>
    </message>
    <message>
        <source>The exchange rate must be a number, not &apos;{value}&apos;.</source>
        <translation>Döviz kuru bir sayı olmalı, &apos;{value}&apos; değil.</translation>
    </message>
    <message>
        <source>The exchange rate must be more than 0, not {value}.</source>
        <translation>Döviz kuru 0&apos;dan büyük olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number from 1 to {max}, not &apos;{text}&apos;.</source>
        <translation>Adet 1 ile {max} arasında bir tam sayı olmalı, &apos;{text}&apos; değil.</translation>
    </message>
    <message>
        <source>The quote is incomplete: {missing}.</source>
        <translation>Teklif eksik: {missing}.</translation>
    </message>
    <message>
        <source>The setup time must be a number, not &apos;{value}&apos;.</source>
        <translation>Bağlama süresi bir sayı olmalı, &apos;{value}&apos; değil.</translation>
    </message>
    <message>
        <source>The setup time must be at most 24 hours, not {minutes} min.</source>
        <translation>Bağlama süresi en çok 24 saat olabilir, {minutes} dk değil.</translation>
    </message>
    <message>
        <source>The setup time must be more than 0, not {value}.</source>
        <translation>Bağlama süresi 0&apos;dan büyük olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>Tool wear T{number} ({name})</source>
        <translation>Takım aşınması T{number} ({name})</translation>
    </message>
    <message>
        <source>Unknown currency &apos;{currency}&apos;; use TRY, USD or EUR.</source>
        <translation>Bilinmeyen para birimi &apos;{currency}&apos;; TRY, USD ya da EUR kullanın.</translation>
    </message>
    <message>
        <source>machine &apos;{machine}&apos; has no hourly rate</source>
        <translation>&apos;{machine}&apos; tezgahının saatlik ücreti yok</translation>
    </message>
    <message>
        <source>material &apos;{material}&apos; has no cost per kg</source>
        <translation>&apos;{material}&apos; malzemesinin kilogram fiyatı yok</translation>
    </message>
    <message>
        <source>material &apos;{material}&apos; has no density</source>
        <translation>&apos;{material}&apos; malzemesinin yoğunluğu yok</translation>
    </message>
    <message>
        <source>tool T{number} &apos;{name}&apos; has no cost</source>
        <translation>T{number} &apos;{name}&apos; takımının fiyatı yok</translation>
    </message>
    <message>
        <source>tool T{number} &apos;{name}&apos; has no tool life</source>
        <translation>T{number} &apos;{name}&apos; takımının takım ömrü yok</translation>
    </message>
    <message>
        <source>{count} × {kilograms} kg × {price} TRY/kg</source>
        <translation>{count} × {kilograms} kg × {price} TL/kg</translation>
    </message>
    <message>
        <source>{count} × {minutes} min / {life} min × {cost} TRY</source>
        <translation>{count} × {minutes} dk / {life} dk × {cost} TL</translation>
    </message>
    <message>
        <source>{count} × {minutes} min × {rate} TRY/h</source>
        <translation>{count} × {minutes} dk × {rate} TL/saat</translation>
    </message>
    <message>
        <source>{minutes} min × {rate} TRY/h</source>
        <translation>{minutes} dk × {rate} TL/saat</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>1. Database: {where} {version}, schema revision {revision}, {tables} tables</source>
        <translation>1. Veritabanı: {where} {version}, şema revizyonu {revision}, {tables} tablo</translation>
    </message>
    <message>
        <source>2. Catalog: {machines} machines, {tools} tools, {materials} materials ({report})</source>
        <translation>2. Katalog: {machines} tezgah, {tools} takım, {materials} malzeme ({report})</translation>
    </message>
    <message>
        <source>3. Login: {email} as {role} (locale {locale}, {timezone}) in {ms} ms (bcrypt cost {cost}, checked inside PostgreSQL); its connection sees {machines} machines and {users} user account (its own)</source>
        <translation>3. Giriş: {email}, {role} olarak (dil {locale}, {timezone}) {ms} ms içinde (bcrypt maliyeti {cost}, PostgreSQL içinde doğrulandı); bağlantısı {machines} tezgah ve {users} kullanıcı hesabı görüyor (kendi hesabı)</translation>
    </message>
    <message>
        <source>4. Upload: {file} → project &apos;{project}&apos;, model {model} version {version} ({geometry}); {message}</source>
        <translation>4. Yükleme: {file} → proje &apos;{project}&apos;, model {model} sürüm {version} ({geometry}); {message}</translation>
    </message>
    <message>
        <source>Against the design: {gouge} mm³ gouged in {gouges} regions, {leftover} mm³ left in {leftovers} regions (tolerance {tolerance} mm)</source>
        <translation>Tasarıma göre: {gouges} bölgede {gouge} mm³ fazla kesilmiş, {leftovers} bölgede {leftover} mm³ kalmış (tolerans {tolerance} mm)</translation>
    </message>
    <message>
        <source>CNC Workbench demo (headless)</source>
        <translation>CNC Workbench tanıtımı (arayüzsüz)</translation>
    </message>
    <message>
        <source>Checked in the demo: no errors in the simulation.</source>
        <translation>Tanıtımda denetlendi: simülasyonda hata yok.</translation>
    </message>
    <message>
        <source>Demo: first clamping</source>
        <translation>Tanıtım: ilk bağlama</translation>
    </message>
    <message>
        <source>FreeCAD: `./run.sh` on a desktop, then the CNC Workbench</source>
        <translation>FreeCAD: bir masaüstünde `./run.sh`, sonra CNC Workbench</translation>
    </message>
    <message>
        <source>License: a {seats}-seat trial until {date} started</source>
        <translation>Lisans: {date} tarihine kadar {seats} koltuklu deneme başlatıldı</translation>
    </message>
    <message>
        <source>Not compared with the design: {reason}</source>
        <translation>Tasarımla karşılaştırılmadı: {reason}</translation>
    </message>
    <message>
        <source>REFUSED by LinuxCNC&apos;s rs274</source>
        <translation>LinuxCNC&apos;nin rs274&apos;ü REDDETTİ</translation>
    </message>
    <message>
        <source>The quote is missing a rate; see `cncworkbench quote`.</source>
        <translation>Teklifte bir fiyat eksik; `cncworkbench quote` ile bakın.</translation>
    </message>
    <message>
        <source>The same data in the GUI (log in as the demo user above):</source>
        <translation>Aynı veriler arayüzde (yukarıdaki tanıtım kullanıcısıyla giriş yapın):</translation>
    </message>
    <message>
        <source>The simulation found errors.</source>
        <translation>Simülasyon hatalar buldu.</translation>
    </message>
    <message>
        <source>Where things are:</source>
        <translation>Nerede ne var:</translation>
    </message>
    <message>
        <source>accepted by LinuxCNC&apos;s rs274</source>
        <translation>LinuxCNC&apos;nin rs274&apos;ü kabul etti</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>onaylandı</translation>
    </message>
    <message>
        <source>data folder:</source>
        <translation>veri klasörü:</translation>
    </message>
    <message>
        <source>database:</source>
        <translation>veritabanı:</translation>
    </message>
    <message>
        <source>demo login:</source>
        <translation>tanıtım girişi:</translation>
    </message>
    <message>
        <source>embedded PostgreSQL</source>
        <translation>gömülü PostgreSQL</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>file store:</source>
        <translation>dosya deposu:</translation>
    </message>
    <message>
        <source>not checked: LinuxCNC&apos;s rs274 is not installed</source>
        <translation>denetlenmedi: LinuxCNC&apos;nin rs274&apos;ü kurulu değil</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>geçti</translation>
    </message>
    <message>
        <source>passed with warnings</source>
        <translation>uyarılarla geçti</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>reddedildi</translation>
    </message>
    <message>
        <source>results:</source>
        <translation>sonuçlar:</translation>
    </message>
    <message>
        <source>shared PostgreSQL (CNC_DATABASE_URL)</source>
        <translation>paylaşılan PostgreSQL (CNC_DATABASE_URL)</translation>
    </message>
    <message>
        <source>without a display: {command}</source>
        <translation>ekran olmadan: {command}</translation>
    </message>
    <message>
        <source>{email}, its password in {file} (readable only by you, new each demo run; `cncworkbench login {email} --password-stdin &lt; {file}`)</source>
        <translation>{email}, parolası {file} dosyasında (yalnızca siz okuyabilirsiniz, her tanıtımda yeni; `cncworkbench login {email} --password-stdin &lt; {file}`)</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} dk {seconds} sn</translation>
    </message>
    <message>
        <source>{n}. Audit trail: {count} entries, chain BROKEN</source>
        <translation>{n}. Denetim kaydı: {count} kayıt, zincir KIRIK</translation>
    </message>
    <message>
        <source>{n}. Audit trail: {count} entries, chain intact</source>
        <translation>{n}. Denetim kaydı: {count} kayıt, zincir sağlam</translation>
    </message>
    <message>
        <source>{n}. CAM job {job} → CAM run {run}: {lines} lines of G-code, cycle time {time}, {removed} cm³ removed ({seconds} s)</source>
        <translation>{n}. CAM işi {job} → CAM çalışması {run}: {lines} satır G kodu, çevrim süresi {time}, {removed} cm³ kaldırıldı ({seconds} sn)</translation>
    </message>
    <message>
        <source>{n}. G-code: {path} ({verdict})</source>
        <translation>{n}. G kodu: {path} ({verdict})</translation>
    </message>
    <message>
        <source>{n}. Invoice draft #{id} to {buyer} ({company}): `cncworkbench invoice show {id}`</source>
        <translation>{n}. Fatura taslağı #{id}, alıcı {buyer} ({company}): `cncworkbench invoice show {id}`</translation>
    </message>
    <message>
        <source>{n}. Quote: {quantity} parts, {total} ({per_part} per part): {path}</source>
        <translation>{n}. Teklif: {quantity} parça, {total} (parça başı {per_part}): {path}</translation>
    </message>
    <message>
        <source>{n}. Review: {decision} by {operator}</source>
        <translation>{n}. İnceleme: {operator} tarafından {decision}</translation>
    </message>
    <message>
        <source>{n}. Setup sheet: {path}</source>
        <translation>{n}. Bağlama föyü: {path}</translation>
    </message>
    <message>
        <source>{n}. Setup {id} &apos;{name}&apos;: {machine}, {material}, stock {size} mm; {operations}</source>
        <translation>{n}. Bağlama {id} &apos;{name}&apos;: tezgah {machine}, malzeme {material}, ham parça {size} mm; işlemler: {operations}</translation>
    </message>
    <message>
        <source>{n}. Simulation report: {path}</source>
        <translation>{n}. Simülasyon raporu: {path}</translation>
    </message>
    <message>
        <source>{n}. Simulation {run}: {verdict}; {findings} findings ({errors} errors), {removed} cm³ removed, machining time {time} ({seconds} s)</source>
        <translation>{n}. Simülasyon {run}: {verdict}; {findings} bulgu ({errors} hata), {removed} cm³ kaldırıldı, işleme süresi {time} ({seconds} sn)</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>A document prints in {languages}, not &apos;{language}&apos;.</source>
        <translation>Belgeler yalnızca şu dillerde yazdırılır: {languages}; &apos;{language}&apos; değil.</translation>
    </message>
</context>
<context>
    <name>Erp</name>
    <message>
        <source>&apos;{name}&apos; cannot name an external system: use letters, digits and _ (starting with a letter, at most 63), e.g. SAP or LOGO_TIGER.</source>
        <translation>&apos;{name}&apos; bir dış sistemin adı olamaz: harf, rakam ve _ kullanın (harfle başlayan, en çok 63 karakter), örneğin SAP ya da LOGO_TIGER.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not an http(s) address, e.g. https://erp.example.com/api/cnc.</source>
        <translation>&apos;{url}&apos; bir http(s) adresi değil; örneğin https://erp.example.com/api/cnc.</translation>
    </message>
    <message>
        <source>(redirected to {location}; fix the address)</source>
        <translation>({location} adresine yönlendirildi; adresi düzeltin)</translation>
    </message>
    <message>
        <source>, {count} skipped ({why})</source>
        <translation>, {count} atlandı ({why})</translation>
    </message>
    <message>
        <source>... and {count} more problem(s)</source>
        <translation>... ve {count} sorun daha</translation>
    </message>
    <message>
        <source>A secret is a token or a signing_secret, not &apos;{kind}&apos;.</source>
        <translation>Gizli bilgi token ya da signing_secret olur, &apos;{kind}&apos; olmaz.</translation>
    </message>
    <message>
        <source>An event&apos;s occurrence is 1 to 100 characters.</source>
        <translation>Bir olayın tekrar anahtarı 1 ile 100 karakter arasındadır.</translation>
    </message>
    <message>
        <source>An external system named {name} exists already.</source>
        <translation>{name} adında bir dış sistem zaten var.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}.</source>
        <translation>{path} okunamıyor: {error}.</translation>
    </message>
    <message>
        <source>Choose at least one entity type ({types}).</source>
        <translation>En az bir kayıt türü seçin ({types}).</translation>
    </message>
    <message>
        <source>Exchange {id} is an inbound import: import the file or pull the orders again.</source>
        <translation>Aktarım {id} gelen bir aktarım: dosyayı yeniden aktarın ya da siparişleri yeniden çekin.</translation>
    </message>
    <message>
        <source>Exchange {id} was delivered already.</source>
        <translation>Aktarım {id} zaten gönderildi.</translation>
    </message>
    <message>
        <source>Nothing was imported. {problems}</source>
        <translation>Hiçbir şey aktarılmadı. {problems}</translation>
    </message>
    <message>
        <source>OS keyring</source>
        <translation>işletim sistemi anahtarlığı</translation>
    </message>
    <message>
        <source>Orders come as csv or json, not &apos;{kind}&apos;.</source>
        <translation>Siparişler csv ya da json olarak gelir, &apos;{kind}&apos; olarak değil.</translation>
    </message>
    <message>
        <source>The address is longer than 1024 characters.</source>
        <translation>Adres 1024 karakterden uzun.</translation>
    </message>
    <message>
        <source>The connect timeout (ms) must be a whole number {low}-{high}.</source>
        <translation>Bağlantı zaman aşımı (ms) {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The description is longer than 2000 characters.</source>
        <translation>Açıklama 2000 karakterden uzun.</translation>
    </message>
    <message>
        <source>The direction is one of {directions}.</source>
        <translation>Yön şunlardan biri olmalı: {directions}.</translation>
    </message>
    <message>
        <source>The event {event} is about a {expected}, not a {given}.</source>
        <translation>{event} olayı bir {expected} kaydıyla ilgilidir, {given} ile değil.</translation>
    </message>
    <message>
        <source>The events path &apos;{path}&apos; is not a path.</source>
        <translation>Olay yolu &apos;{path}&apos; bir yol değil.</translation>
    </message>
    <message>
        <source>The first retry&apos;s wait (s) must be a whole number {low}-{high}.</source>
        <translation>İlk yeniden denemeden önceki bekleme (sn) {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The longest wait ({longest} s) is shorter than the first retry&apos;s ({base} s).</source>
        <translation>En uzun bekleme ({longest} sn), ilk yeniden denemeninkinden ({base} sn) kısa.</translation>
    </message>
    <message>
        <source>The longest wait between retries (s) must be a whole number {low}-{high}.</source>
        <translation>Yeniden denemeler arasındaki en uzun bekleme (sn) {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The number of retries must be a whole number {low}-{high}.</source>
        <translation>Yeniden deneme sayısı {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The orders path &apos;{path}&apos; is not a path.</source>
        <translation>Sipariş yolu &apos;{path}&apos; bir yol değil.</translation>
    </message>
    <message>
        <source>The pull interval (s) must be a whole number {low}-{high}.</source>
        <translation>Çekme aralığı (sn) {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The read timeout (ms) must be a whole number {low}-{high}.</source>
        <translation>Okuma zaman aşımı (ms) {low}-{high} arasında bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>The secret must be one line of at most 4096 characters.</source>
        <translation>Gizli bilgi en çok 4096 karakterlik tek bir satır olmalı.</translation>
    </message>
    <message>
        <source>The status is one of {statuses}.</source>
        <translation>Durum şunlardan biri olmalı: {statuses}.</translation>
    </message>
    <message>
        <source>There is no ERP exchange {id}.</source>
        <translation>{id} numaralı ERP aktarımı yok.</translation>
    </message>
    <message>
        <source>There is no external system named {name}.</source>
        <translation>{name} adında bir dış sistem yok.</translation>
    </message>
    <message>
        <source>Unknown ERP event &apos;{event}&apos;; known: {known}.</source>
        <translation>Bilinmeyen ERP olayı &apos;{event}&apos;; bilinenler: {known}.</translation>
    </message>
    <message>
        <source>Unknown entity type &apos;{type}&apos;; use {types}.</source>
        <translation>Bilinmeyen kayıt türü &apos;{type}&apos;; şunları kullanın: {types}.</translation>
    </message>
    <message>
        <source>a project named &apos;{name}&apos; exists already</source>
        <translation>&apos;{name}&apos; adında bir proje zaten var</translation>
    </message>
    <message>
        <source>a project named &apos;{name}&apos; exists already (give the order another project_name)</source>
        <translation>&apos;{name}&apos; adında bir proje zaten var (siparişe başka bir project_name verin)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>an order must be a JSON object</source>
        <translation>bir sipariş JSON nesnesi olmalı</translation>
    </message>
    <message>
        <source>cannot reach {url}: {error}</source>
        <translation>{url} adresine ulaşılamıyor: {error}</translation>
    </message>
    <message>
        <source>connect {connect} ms, read {read} ms</source>
        <translation>bağlantı {connect} ms, okuma {read} ms</translation>
    </message>
    <message>
        <source>could not connect to {url} within {seconds} s</source>
        <translation>{url} adresine {seconds} sn içinde bağlanılamadı</translation>
    </message>
    <message>
        <source>description</source>
        <translation>açıklama</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>yön</translation>
    </message>
    <message>
        <source>due_date &apos;{text}&apos; is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation>due_date &apos;{text}&apos; bir tarih değil (YYYY-AA-GG ya da GG.AA.YYYY kullanın)</translation>
    </message>
    <message>
        <source>due_date must be text (YYYY-MM-DD)</source>
        <translation>due_date metin olmalı (YYYY-AA-GG)</translation>
    </message>
    <message>
        <source>entity types</source>
        <translation>kayıt türleri</translation>
    </message>
    <message>
        <source>environment {variable}</source>
        <translation>ortam değişkeni {variable}</translation>
    </message>
    <message>
        <source>events to</source>
        <translation>olayların adresi</translation>
    </message>
    <message>
        <source>expected a list of orders or {&quot;orders&quot;: [...]}</source>
        <translation>sipariş listesi ya da {&quot;orders&quot;: [...]} bekleniyordu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>devre dışı</translation>
    </message>
    <message>
        <source>missing column(s) {names}</source>
        <translation>eksik sütun(lar) {names}</translation>
    </message>
    <message>
        <source>more than {count} orders in one file</source>
        <translation>bir dosyada {count} siparişten fazlası var</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ad</translation>
    </message>
    <message>
        <source>no answer from {url} within the timeouts</source>
        <translation>{url} adresinden zaman aşımları içinde yanıt gelmedi</translation>
    </message>
    <message>
        <source>no answer from {url} within {seconds} s</source>
        <translation>{url} adresinden {seconds} sn içinde yanıt gelmedi</translation>
    </message>
    <message>
        <source>no token or signing secret for {system}: set one with `cncworkbench erp system set-token {system}` or {variable}</source>
        <translation>{system} için belirteç ya da imza anahtarı yok: `cncworkbench erp system set-token {system}` ya da {variable} ile birini ayarlayın</translation>
    </message>
    <message>
        <source>no token or signing secret: deliveries fail until one is set</source>
        <translation>belirteç ya da imza anahtarı yok: biri ayarlanana kadar gönderimler başarısız olur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ayarlı değil</translation>
    </message>
    <message>
        <source>not set (the token signs)</source>
        <translation>ayarlı değil (belirteç imzalar)</translation>
    </message>
    <message>
        <source>not valid JSON: {error}</source>
        <translation>geçerli JSON değil: {error}</translation>
    </message>
    <message>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <source>order {order} appears again (first on line {first})</source>
        <translation>sipariş {order} yeniden geçiyor (ilk kez {first}. satırda)</translation>
    </message>
    <message>
        <source>order {order}: its project was deleted</source>
        <translation>sipariş {order}: projesi silinmiş</translation>
    </message>
    <message>
        <source>orders from</source>
        <translation>siparişlerin adresi</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>beklemede</translation>
    </message>
    <message>
        <source>plain http: the token travels unencrypted</source>
        <translation>düz http: belirteç şifrelenmeden gider</translation>
    </message>
    <message>
        <source>quantity &apos;{value}&apos; is not a whole number</source>
        <translation>quantity &apos;{value}&apos; bir tam sayı değil</translation>
    </message>
    <message>
        <source>quantity must be a whole number</source>
        <translation>quantity bir tam sayı olmalı</translation>
    </message>
    <message>
        <source>quantity {value} must be a whole number from 1</source>
        <translation>quantity {value}, 1 ya da daha büyük bir tam sayı olmalı</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>kuyruk</translation>
    </message>
    <message>
        <source>repeated column(s) {names}</source>
        <translation>tekrarlanan sütun(lar) {names}</translation>
    </message>
    <message>
        <source>request to {url} failed: {error}</source>
        <translation>{url} adresine istek başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>yeniden denemeler</translation>
    </message>
    <message>
        <source>retry {count}</source>
        <translation>yeniden deneme {count}</translation>
    </message>
    <message>
        <source>scheduled pull</source>
        <translation>zamanlanmış çekme</translation>
    </message>
    <message>
        <source>signing secret</source>
        <translation>imza anahtarı</translation>
    </message>
    <message>
        <source>state</source>
        <translation>durum</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>eşitlendi</translation>
    </message>
    <message>
        <source>the external system was removed</source>
        <translation>dış sistem kaldırıldı</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>dosya boş</translation>
    </message>
    <message>
        <source>the license in force does not include ERP/MES synchronisation</source>
        <translation>yürürlükteki lisans ERP/MES eşitlemesini içermiyor</translation>
    </message>
    <message>
        <source>there are no orders in it</source>
        <translation>içinde sipariş yok</translation>
    </message>
    <message>
        <source>timeouts</source>
        <translation>zaman aşımları</translation>
    </message>
    <message>
        <source>token</source>
        <translation>belirteç</translation>
    </message>
    <message>
        <source>unknown column(s) {names}</source>
        <translation>bilinmeyen sütun(lar) {names}</translation>
    </message>
    <message>
        <source>unknown field(s) {names}; the fields are {fields}</source>
        <translation>bilinmeyen alan(lar) {names}; alanlar şunlardır: {fields}</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>ulaşılamıyor</translation>
    </message>
    <message>
        <source>unreadable header ({error})</source>
        <translation>başlık satırı okunamıyor ({error})</translation>
    </message>
    <message>
        <source>unreadable row ({error})</source>
        <translation>satır okunamıyor ({error})</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>uyarı</translation>
    </message>
    <message>
        <source>{attempted} attempted: {synced} delivered, {retrying} to retry, {failed} failed ({seconds} s)</source>
        <translation>{attempted} deneme: {synced} gönderildi, {retrying} yeniden denenecek, {failed} başarısız ({seconds} sn)</translation>
    </message>
    <message>
        <source>{count} fields where the header has {header}</source>
        <translation>başlıkta {header} alan varken {count} alan</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} sa</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} dk</translation>
    </message>
    <message>
        <source>{count} s</source>
        <translation>{count} sn</translation>
    </message>
    <message>
        <source>{count}, waiting {waits}</source>
        <translation>{count}, beklemeler {waits}</translation>
    </message>
    <message>
        <source>{error} For {system} that is {variable}, in the environment of the workers (and of `cncworkbench erp sync`).</source>
        <translation>{error} {system} için bu, işleyicilerin (ve `cncworkbench erp sync` komutunun) ortamındaki {variable} değişkenidir.</translation>
    </message>
    <message>
        <source>{event}: the entity id must be a whole number.</source>
        <translation>{event}: kayıt numarası bir tam sayı olmalı.</translation>
    </message>
    <message>
        <source>{event}: the field {name} is required.</source>
        <translation>{event}: {name} alanı zorunlu.</translation>
    </message>
    <message>
        <source>{event}: unknown field(s) {fields}; known: {known}.</source>
        <translation>{event}: bilinmeyen alan(lar) {fields}; bilinenler: {known}.</translation>
    </message>
    <message>
        <source>{name} contains control characters</source>
        <translation>{name} denetim karakterleri içeriyor</translation>
    </message>
    <message>
        <source>{name} is longer than {limit} characters</source>
        <translation>{name}, {limit} karakterden uzun</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>{name} eksik</translation>
    </message>
    <message>
        <source>{name} must be text</source>
        <translation>{name} metin olmalı</translation>
    </message>
    <message>
        <source>{name} skipped for this pass: {why}</source>
        <translation>{name} bu turda atlandı: {why}</translation>
    </message>
    <message>
        <source>{problem}; the columns are {columns}</source>
        <translation>{problem}; sütunlar şunlardır: {columns}</translation>
    </message>
    <message>
        <source>{reason} (gave up after {count} attempts)</source>
        <translation>{reason} ({count} denemeden sonra vazgeçildi)</translation>
    </message>
    <message>
        <source>{source} line {line}: {message}</source>
        <translation>{source} satır {line}: {message}</translation>
    </message>
    <message>
        <source>{source} → {system}: {created} project(s) created, {updated} updated, {unchanged} unchanged</source>
        <translation>{source} → {system}: {created} proje oluşturuldu, {updated} güncellendi, {unchanged} değişmedi</translation>
    </message>
    <message>
        <source>{system} has {count} undelivered exchange(s): deactivate it instead, wait for them, or remove it with --force (they are then marked failed).</source>
        <translation>{system} sisteminin gönderilmemiş {count} aktarımı var: bunun yerine sistemi devre dışı bırakın, aktarımları bekleyin ya da sistemi --force ile kaldırın (aktarımlar o zaman başarısız sayılır).</translation>
    </message>
    <message>
        <source>{system} is inactive; activate it to import its orders.</source>
        <translation>{system} devre dışı; siparişlerini aktarmak için etkinleştirin.</translation>
    </message>
    <message>
        <source>{system} is not configured to send orders (direction {direction}, entity types {types}); add &apos;order&apos; and direction inbound or both.</source>
        <translation>{system} sipariş gönderecek biçimde ayarlı değil (yön {direction}, kayıt türleri {types}); &apos;order&apos; türünü ekleyin ve yönü inbound ya da both yapın.</translation>
    </message>
    <message>
        <source>{system} refused the event: {reason}</source>
        <translation>{system} olayı geri çevirdi: {reason}</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status}: {text}</source>
        <translation>{url} HTTP {status} ile yanıt verdi: {text}</translation>
    </message>
    <message>
        <source>{where}: &apos;{text}&apos; is not an amount.</source>
        <translation>{where}: &apos;{text}&apos; bir tutar değil.</translation>
    </message>
    <message>
        <source>{where}: &apos;{value}&apos; is not a date.</source>
        <translation>{where}: &apos;{value}&apos; bir tarih değil.</translation>
    </message>
    <message>
        <source>{where}: &apos;{value}&apos; is not an ISO 8601 time.</source>
        <translation>{where}: &apos;{value}&apos; bir ISO 8601 zamanı değil.</translation>
    </message>
    <message>
        <source>{where}: expected a JSON {kind}.</source>
        <translation>{where}: JSON {kind} bekleniyordu.</translation>
    </message>
    <message>
        <source>{where}: expected a date, got {value}.</source>
        <translation>{where}: tarih bekleniyordu, {value} geldi.</translation>
    </message>
    <message>
        <source>{where}: expected a date, not a time.</source>
        <translation>{where}: zaman değil, tarih bekleniyordu.</translation>
    </message>
    <message>
        <source>{where}: expected a number, got {value}.</source>
        <translation>{where}: sayı bekleniyordu, {value} geldi.</translation>
    </message>
    <message>
        <source>{where}: expected a time, got {type}.</source>
        <translation>{where}: zaman bekleniyordu, {type} geldi.</translation>
    </message>
    <message>
        <source>{where}: expected a whole number, got {value}.</source>
        <translation>{where}: tam sayı bekleniyordu, {value} geldi.</translation>
    </message>
    <message>
        <source>{where}: expected an amount (Decimal or text), not {value}.</source>
        <translation>{where}: tutar (Decimal ya da metin) bekleniyordu, {value} değil.</translation>
    </message>
    <message>
        <source>{where}: expected text, got {value}.</source>
        <translation>{where}: metin bekleniyordu, {value} geldi.</translation>
    </message>
    <message>
        <source>{where}: not JSON ({error}).</source>
        <translation>{where}: JSON değil ({error}).</translation>
    </message>
    <message>
        <source>{where}: the time has no time zone.</source>
        <translation>{where}: zamanın saat dilimi yok.</translation>
    </message>
    <message>
        <source>{where}: {value} is not a finite number.</source>
        <translation>{where}: {value} sonlu bir sayı değil.</translation>
    </message>
</context>
<context>
    <name>Feeds</name>
    <message>
        <source> × {factor} for solid carbide drilling = {vc}</source>
        <translation> × {factor} (tam karbür matkapla delme) = {vc}</translation>
    </message>
    <message>
        <source>, clamped to the machine&apos;s maximum {limit}</source>
        <translation>, tezgahın azami değeri {limit} ile sınırlandı</translation>
    </message>
    <message>
        <source>, clamped to the spindle&apos;s maximum {limit} rpm</source>
        <translation>, iş milinin azami devri {limit} dev/dk ile sınırlandı</translation>
    </message>
    <message>
        <source>1000·Vc/(π·D) = 1000·{vc}/(π·{d}) = {rpm} rpm</source>
        <translation>1000·Vc/(π·D) = 1000·{vc}/(π·{d}) = {rpm} dev/dk</translation>
    </message>
    <message>
        <source>; lead angle {angle}°: ÷ sin κr → {fz} mm</source>
        <translation>; giriş açısı {angle}°: ÷ sin κr → {fz} mm</translation>
    </message>
    <message>
        <source>; × {factor} per drill lip = {fz} mm</source>
        <translation>; matkap ağzı başına × {factor} = {fz} mm</translation>
    </message>
    <message>
        <source>Kienzle kc1·hm^−mc = {kc1}·{hm}^−{mc} = {kc} N/mm² (mean chip hm from Sandvik&apos;s formula)</source>
        <translation>Kienzle kc1·hm^−mc = {kc1}·{hm}^−{mc} = {kc} N/mm² (ortalama talaş kalınlığı hm, Sandvik formülüyle)</translation>
    </message>
    <message>
        <source>Reduce ap to {value} mm or less.</source>
        <translation>ap değerini {value} mm veya altına düşürün.</translation>
    </message>
    <message>
        <source>Reduce the feed to {value} mm/min or less.</source>
        <translation>İlerlemeyi {value} mm/dk veya altına düşürün.</translation>
    </message>
    <message>
        <source>The cut needs {power} kW at the tool; the spindle gives about {available} kW ({rated} kW × {efficiency} efficiency), {percent}% over.</source>
        <translation>Kesim takımda {power} kW gerektiriyor; iş mili yaklaşık {available} kW veriyor ({rated} kW × {efficiency} verim), %{percent} fazla.</translation>
    </message>
    <message>
        <source>The depth {depth} mm is {excess} mm longer than the tool&apos;s flutes ({flutes} mm); the shank would rub.</source>
        <translation>Derinlik {depth} mm, takımın ağız boyundan ({flutes} mm) {excess} mm fazla; sap sürtünür.</translation>
    </message>
    <message>
        <source>The feed {feed} mm/min is above the machine&apos;s {limit} mm/min.</source>
        <translation>İlerleme {feed} mm/dk, tezgahın {limit} mm/dk sınırının üstünde.</translation>
    </message>
    <message>
        <source>The feed {feed} mm/min is above the machine&apos;s {limit} mm/min; cutting at {limit} mm/min gives a thinner chip ({percent}% of the wanted chip load).</source>
        <translation>İlerleme {feed} mm/dk, tezgahın {limit} mm/dk sınırının üstünde; {limit} mm/dk ile kesmek daha ince talaş verir (istenen talaş yükünün %{percent} kadarı).</translation>
    </message>
    <message>
        <source>Vc {vc} m/min on Ø{d} mm needs {rpm} rpm, but the spindle cannot turn slower than {limit} rpm; at that speed the cutting speed would be {vc_min} m/min ({percent}% of what the material allows).</source>
        <translation>Ø{d} mm&apos;de Vc {vc} m/dk için {rpm} dev/dk gerekir, ama iş mili {limit} dev/dk&apos;dan yavaş dönemez; bu devirde kesme hızı {vc_min} m/dk olur (malzemenin izin verdiğinin %{percent} kadarı).</translation>
    </message>
    <message>
        <source>Vc {vc} m/min on Ø{d} mm needs {rpm} rpm, {percent}% above the spindle&apos;s maximum of {limit} rpm; the cut runs at {limit} rpm and the feed follows, keeping the chip load.</source>
        <translation>Ø{d} mm&apos;de Vc {vc} m/dk için {rpm} dev/dk gerekir; bu, iş milinin azami devri {limit} dev/dk&apos;nın %{percent} üstünde. Kesim {limit} dev/dk ile yapılır, ilerleme de buna uyar ve talaş yükü korunur.</translation>
    </message>
    <message>
        <source>ae {ae} mm is wider than the cutting diameter at this depth ({d_eff} mm); the cut is a slot of {d_eff} mm.</source>
        <translation>ae {ae} mm, bu derinlikteki kesme çapından ({d_eff} mm) geniş; kesim {d_eff} mm genişliğinde bir kanal olur.</translation>
    </message>
    <message>
        <source>ae {ae} mm is wider than the tool (Ø{d} mm)</source>
        <translation>ae {ae} mm, takımdan (Ø{d} mm) geniş</translation>
    </message>
    <message>
        <source>ae ≥ D/2, no chip thinning: fz = {fz} mm</source>
        <translation>ae ≥ D/2, talaş incelmesi yok: fz = {fz} mm</translation>
    </message>
    <message>
        <source>ae·ap·vf·kc/(60·10⁶) with kc = {kc} N/mm²</source>
        <translation>ae·ap·vf·kc/(60·10⁶), kc = {kc} N/mm² ile</translation>
    </message>
    <message>
        <source>ap {depth} mm is above the tool&apos;s recommended {limit} mm per pass (+{excess} mm).</source>
        <translation>ap {depth} mm, takımın önerdiği paso başına {limit} mm değerinin üstünde (+{excess} mm).</translation>
    </message>
    <message>
        <source>ball nose, ap &lt; D/2: 2·√(ap·(D−ap)) = 2·√({ap}·({d}−{ap})) = {d_eff} mm</source>
        <translation>küresel uç, ap &lt; D/2: 2·√(ap·(D−ap)) = 2·√({ap}·({d}−{ap})) = {d_eff} mm</translation>
    </message>
    <message>
        <source>catalog: {name} cutting_speed_m_min = {vc} m/min</source>
        <translation>katalog: {name} cutting_speed_m_min = {vc} m/dk</translation>
    </message>
    <message>
        <source>catalog: {name} feed_rate_mm_tooth (Ø10 mm reference)</source>
        <translation>katalog: {name} feed_rate_mm_tooth (Ø10 mm referans)</translation>
    </message>
    <message>
        <source>catalog: {name} fz_by_diameter, {how} = {fz} mm</source>
        <translation>katalog: {name} fz_by_diameter, {how} = {fz} mm</translation>
    </message>
    <message>
        <source>catalog: {name} kc1 = {kc1} N/mm², mc = {mc}</source>
        <translation>katalog: {name} kc1 = {kc1} N/mm², mc = {mc}</translation>
    </message>
    <message>
        <source>catalog: {name} vc_hss_m_min (HSS tool) = {vc} m/min</source>
        <translation>katalog: {name} vc_hss_m_min (HSS takım) = {vc} m/dk</translation>
    </message>
    <message>
        <source>corner radius {r} mm &gt; ap: D − 2r + 2·√(ap·(2r−ap)) = {d_eff} mm</source>
        <translation>köşe radyusu {r} mm &gt; ap: D − 2r + 2·√(ap·(2r−ap)) = {d_eff} mm</translation>
    </message>
    <message>
        <source>drill diameter {d} mm</source>
        <translation>matkap çapı {d} mm</translation>
    </message>
    <message>
        <source>drilling feed</source>
        <translation>delme ilerlemesi</translation>
    </message>
    <message>
        <source>feed per lip fz = {fz} mm (fn = z·fz = {fn})</source>
        <translation>ağız başına ilerleme fz = {fz} mm (fn = z·fz = {fn})</translation>
    </message>
    <message>
        <source>fn·Vc·D·kc/240 000 with kc = {kc} N/mm²</source>
        <translation>fn·Vc·D·kc/240 000, kc = {kc} N/mm² ile</translation>
    </message>
    <message>
        <source>fn·n = {fn}·{n} = {feed} mm/min</source>
        <translation>fn·n = {fn}·{n} = {feed} mm/dk</translation>
    </message>
    <message>
        <source>full slot: ae = D = {d} mm</source>
        <translation>tam kanal: ae = D = {d} mm</translation>
    </message>
    <message>
        <source>fz&apos;·z·n = {fz}·{z}·{n} = {feed} mm/min</source>
        <translation>fz&apos;·z·n = {fz}·{z}·{n} = {feed} mm/dk</translation>
    </message>
    <message>
        <source>given: {kc} N/mm²</source>
        <translation>girilen: {kc} N/mm²</translation>
    </message>
    <message>
        <source>half the cutting feed</source>
        <translation>kesme ilerlemesinin yarısı</translation>
    </message>
    <message>
        <source>interpolated between Ø{d0} and Ø{d1} mm</source>
        <translation>Ø{d0} ile Ø{d1} mm arasında enterpolasyonla</translation>
    </message>
    <message>
        <source>material</source>
        <translation>malzeme</translation>
    </message>
    <message>
        <source>nominal diameter {d} mm</source>
        <translation>nominal çap {d} mm</translation>
    </message>
    <message>
        <source>one diameter or the flute length: ap = {ap} mm</source>
        <translation>bir çap ya da ağız boyu: ap = {ap} mm</translation>
    </message>
    <message>
        <source>radial chip thinning, ae &lt; D/2: fz·D/(2·√(ae·(D−ae))) = {fz}·{d}/(2·√({ae}·{rest})) = {result} mm</source>
        <translation>radyal talaş incelmesi, ae &lt; D/2: fz·D/(2·√(ae·(D−ae))) = {fz}·{d}/(2·√({ae}·{rest})) = {result} mm</translation>
    </message>
    <message>
        <source>scaled from Ø{d} mm ({fz} mm) by D</source>
        <translation>Ø{d} mm değerinden ({fz} mm) D oranında ölçeklendi</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>takım</translation>
    </message>
    <message>
        <source>{name} has no cutting speed in the catalog</source>
        <translation>Katalogda {name} için kesme hızı yok</translation>
    </message>
    <message>
        <source>{name} has no diameter in the catalog</source>
        <translation>Katalogda {name} için çap yok</translation>
    </message>
    <message>
        <source>{name} has no feed per tooth in the catalog</source>
        <translation>Katalogda {name} için diş başı ilerleme yok</translation>
    </message>
    <message>
        <source>{name} has no flute count in the catalog</source>
        <translation>Katalogda {name} için ağız sayısı yok</translation>
    </message>
    <message>
        <source>{name} has no specific cutting force (kc1) in the catalog</source>
        <translation>Katalogda {name} için özgül kesme kuvveti (kc1) yok</translation>
    </message>
    <message>
        <source>{name} must be a positive number, got {value}</source>
        <translation>{name} pozitif bir sayı olmalı, verilen: {value}</translation>
    </message>
    <message>
        <source>Ø{d} mm value</source>
        <translation>Ø{d} mm değeri</translation>
    </message>
    <message>
        <source>π·D·n/1000 at {rpm} rpm = {vc} m/min</source>
        <translation>{rpm} dev/dk&apos;da π·D·n/1000 = {vc} m/dk</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{count} incomplete uploads older than the grace period aborted ({size} bytes of parts)</source>
        <translation>Bekleme süresinden eski {count} yarım kalmış yükleme iptal edildi ({size} bayt parça)</translation>
    </message>
    <message>
        <source>{count} incomplete uploads older than the grace period would be aborted ({size} bytes of parts)</source>
        <translation>Bekleme süresinden eski {count} yarım kalmış yükleme iptal edilecek ({size} bayt parça)</translation>
    </message>
    <message>
        <source>{examined} objects examined: {referenced} referenced, {young} younger than the grace period, deleted {deleted} unreferenced ({size} bytes)</source>
        <translation>{examined} nesne incelendi: {referenced} tanesi kullanımda, {young} tanesi bekleme süresinden yeni, kullanılmayan {deleted} nesne silindi ({size} bayt)</translation>
    </message>
    <message>
        <source>{examined} objects examined: {referenced} referenced, {young} younger than the grace period, would delete {deleted} unreferenced ({size} bytes)</source>
        <translation>{examined} nesne incelendi: {referenced} tanesi kullanımda, {young} tanesi bekleme süresinden yeni, kullanılmayan {deleted} nesne silinirdi ({size} bayt)</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>F{feed} mm/min is above the machine&apos;s {maximum} mm/min maximum: the control clamps it, so this cut runs slower than programmed.</source>
        <translation>F{feed} mm/dk, tezgahın en yüksek ilerlemesi olan {maximum} mm/dk değerinin üzerinde: kontrol ünitesi ilerlemeyi sınırlar, bu kesme programlanandan yavaş çalışır.</translation>
    </message>
    <message>
        <source>G0 rapid cuts {depth} mm of stock near {at}: make this move a G1 feed, or move above the stock first.</source>
        <translation>G0 hızlı hareket {at} yakınında ham parçadan {depth} mm kesiyor: bu hareketi G1 ilerleme hareketi yapın veya önce ham parçanın üstüne çıkın.</translation>
    </message>
    <message>
        <source>G0 rapid cuts {depth} mm of stock with the spindle off near {at}: make this move a G1 feed, or move above the stock first.</source>
        <translation>G0 hızlı hareket, iş mili dururken {at} yakınında ham parçadan {depth} mm kesiyor: bu hareketi G1 ilerleme hareketi yapın veya önce ham parçanın üstüne çıkın.</translation>
    </message>
    <message>
        <source>Gouge: the tool cut {depth} mm into the design near {at} ({volume} mm³ below the design surface).</source>
        <translation>Fazla kesme: takım {at} yakınında tasarımın {depth} mm içine kesti (tasarım yüzeyinin altında {volume} mm³).</translation>
    </message>
    <message>
        <source>Inner corner: {volume} mm³ stays near {at}, where the design&apos;s corner is tighter than the smallest cutter&apos;s radius ({radius} mm); round the corner in the design or finish it with a smaller tool.</source>
        <translation>İç köşe: {at} yakınında {volume} mm³ kalıyor; tasarımın köşesi en küçük takımın yarıçapından ({radius} mm) dar. Tasarımda köşeye radyüs verin ya da daha küçük bir takımla bitirin.</translation>
    </message>
    <message>
        <source>Leftover: {volume} mm³ of material over {area} mm² stands up to {depth} mm above the design near {at}.</source>
        <translation>Kalan malzeme: {at} yakınında {area} mm² üzerinde {volume} mm³ malzeme tasarımın {depth} mm’ye kadar üstünde duruyor.</translation>
    </message>
    <message>
        <source>S{rpm} is above the machine&apos;s {maximum} rpm maximum: lower S to {maximum} or less (and the feed with it).</source>
        <translation>S{rpm}, tezgahın en yüksek devri olan {maximum} dev/dk değerinin üzerinde: S değerini {maximum} veya altına indirin (ilerlemeyi de onunla birlikte).</translation>
    </message>
    <message>
        <source>The program spans {span} mm in {axis} ({low} to {high}), more than the machine&apos;s {limit} mm of {axis} travel: split the job or fixture the part differently.</source>
        <translation>Program {axis} ekseninde {span} mm yayılıyor ({low} ile {high} arası); bu, tezgahın {limit} mm olan {axis} kursundan fazla: işi bölün veya parçayı bağlama elemanlarıyla farklı bağlayın.</translation>
    </message>
    <message>
        <source>The tool goes {depth} mm below the stock&apos;s bottom near {at}: whatever is under the stock there (table, parallels, spoilboard) is cut.</source>
        <translation>Takım {at} yakınında ham parçanın tabanının {depth} mm altına iniyor: orada ham parçanın altında ne varsa (tabla, paraleller, kurban plaka) kesilir.</translation>
    </message>
    <message>
        <source>{tool} cuts {depth} mm of stock with the spindle off near {at}: start the spindle (M3/M4 with S) before this move.</source>
        <translation>{tool} takımı iş mili dururken {at} yakınında ham parçadan {depth} mm kesiyor: bu hareketten önce iş milini çalıştırın (S ile M3/M4).</translation>
    </message>
    <message>
        <source>{tool} is not centre-cutting but descends {depth} mm into material under its centre near {at}: enter from outside the stock, ramp or helix in with a centre-cutting tool, or pre-drill.</source>
        <translation>{tool} takımı merkezden kesmiyor ama {at} yakınında merkezinin altındaki malzemeye {depth} mm dalıyor: ham parçanın dışından girin, merkezden kesen bir takımla rampa veya helis ile dalın ya da önceden delin.</translation>
    </message>
    <message>
        <source>{tool}&apos;s cutter hits the fixture &apos;{fixture}&apos; near {at}: move the toolpath or the fixture, or raise the clearance height.</source>
        <translation>{tool} takımının ağız kısmı {at} yakınında &apos;{fixture}&apos; bağlama elemanına çarpıyor: takım yolunu veya bağlama elemanını kaydırın ya da emniyet yüksekliğini artırın.</translation>
    </message>
    <message>
        <source>{tool}&apos;s holder hits the fixture &apos;{fixture}&apos; near {at}: move the toolpath or the fixture, or raise the clearance height.</source>
        <translation>{tool} takımının tutucusu {at} yakınında &apos;{fixture}&apos; bağlama elemanına çarpıyor: takım yolunu veya bağlama elemanını kaydırın ya da emniyet yüksekliğini artırın.</translation>
    </message>
    <message>
        <source>{tool}&apos;s holder hits the stock: the material stands {above} mm above the {stick_out} mm stick-out within the holder&apos;s {diameter} mm diameter near {at}; extend the tool or use a slimmer holder.</source>
        <translation>{tool} takımının tutucusu ham parçaya çarpıyor: {at} yakınında, tutucunun {diameter} mm çapı içinde malzeme {stick_out} mm sarkmanın {above} mm üzerinde; takımı daha uzun bağlayın veya daha ince bir tutucu kullanın.</translation>
    </message>
    <message>
        <source>{tool}&apos;s shank hits the fixture &apos;{fixture}&apos; near {at}: move the toolpath or the fixture, or raise the clearance height.</source>
        <translation>{tool} takımının sapı {at} yakınında &apos;{fixture}&apos; bağlama elemanına çarpıyor: takım yolunu veya bağlama elemanını kaydırın ya da emniyet yüksekliğini artırın.</translation>
    </message>
    <message>
        <source>{tool}&apos;s shank rubs the stock: the material stands {above} mm above the {flutes} mm flutes near {at}; cut in shallower steps or use a tool with longer flutes.</source>
        <translation>{tool} takımının sapı ham parçaya sürtüyor: {at} yakınında malzeme {flutes} mm ağız boyunun {above} mm üzerinde; daha sığ kademelerle kesin veya ağız boyu daha uzun bir takım kullanın.</translation>
    </message>
    <message>
        <source>{word} is {beyond} mm beyond the machine&apos;s envelope ({axis} {side} {limit}): the machine cannot reach it; move the work offset or the toolpath.</source>
        <translation>{word}, tezgahın çalışma alanının {beyond} mm dışında ({axis} {side} {limit}): tezgah oraya ulaşamaz; sıfır noktasını veya takım yolunu kaydırın.</translation>
    </message>
</context>
<context>
    <name>FreeCAD</name>
    <message>
        <source>CNC Workbench: logged in as {email} ({role})</source>
        <translation>CNC Workbench: {email} ({role}) olarak giriş yapıldı</translation>
    </message>
    <message>
        <source>CNC Workbench: logged out</source>
        <translation>CNC Workbench: çıkış yapıldı</translation>
    </message>
    <message>
        <source>CNC Workbench: {count} unread notification(s) in Jobs</source>
        <translation>CNC Workbench: İşler&apos;de {count} okunmamış bildirim</translation>
    </message>
</context>
<context>
    <name>FreeCADHost</name>
    <message>
        <source>Open or create a document first.</source>
        <translation>Önce bir belge açın ya da oluşturun.</translation>
    </message>
    <message>
        <source>Save the document first (File → Save As…), then upload it.</source>
        <translation>Önce belgeyi kaydedin (Dosya → Farklı Kaydet…), sonra yükleyin.</translation>
    </message>
</context>
<context>
    <name>GCode</name>
    <message>
        <source>&apos;%&apos; ends only a program that starts with a &apos;%&apos; line</source>
        <translation>&apos;%&apos; yalnızca &apos;%&apos; satırıyla başlayan bir programı bitirir</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be alone on its line</source>
        <translation>&apos;%&apos; kendi satırında tek başına olmalı</translation>
    </message>
    <message>
        <source>&apos;)&apos; without a &apos;(&apos; opening a comment</source>
        <translation>yorumu açan bir &apos;(&apos; olmadan &apos;)&apos;</translation>
    </message>
    <message>
        <source>&apos;/&apos; (block delete) is only allowed at the start of a line</source>
        <translation>&apos;/&apos; (blok atlama) yalnızca satır başında kullanılabilir</translation>
    </message>
    <message>
        <source>ATAN needs two arguments: ATAN[y]/[x]</source>
        <translation>ATAN iki bağımsız değişken ister: ATAN[y]/[x]</translation>
    </message>
    <message>
        <source>D word without G41 or G42 to use it</source>
        <translation>D sözcüğünü kullanacak G41 ya da G42 yok</translation>
    </message>
    <message>
        <source>E word without M66, M67 or M68 to use it</source>
        <translation>E sözcüğünü kullanacak M66, M67 ya da M68 yok</translation>
    </message>
    <message>
        <source>EXISTS needs a named parameter: EXISTS[#&lt;name&gt;]</source>
        <translation>EXISTS adlandırılmış bir parametre ister: EXISTS[#&lt;name&gt;]</translation>
    </message>
    <message>
        <source>EXP of {value} is too large</source>
        <translation>EXP {value} çok büyük</translation>
    </message>
    <message>
        <source>G10 needs an L word (L2 or L20)</source>
        <translation>G10 için bir L kelimesi gerekir (L2 veya L20)</translation>
    </message>
    <message>
        <source>G4 cannot be on a line with G2 or G3 (both use P)</source>
        <translation>G4, G2 veya G3 ile aynı satırda olamaz (hepsi P kullanır)</translation>
    </message>
    <message>
        <source>G4 needs a P word (the dwell in seconds)</source>
        <translation>G4 için bir P kelimesi gerekir (saniye cinsinden bekleme)</translation>
    </message>
    <message>
        <source>G5 needs P and Q (the second control point)</source>
        <translation>G5 P ve Q ister (ikinci kontrol noktası)</translation>
    </message>
    <message>
        <source>G5.1 needs I and J (the control point)</source>
        <translation>G5.1 I ve J ister (kontrol noktası)</translation>
    </message>
    <message>
        <source>G53 cannot be used in incremental mode (G91)</source>
        <translation>G53 artımsal modda (G91) kullanılamaz</translation>
    </message>
    <message>
        <source>G53 needs G0 or G1 and coordinates</source>
        <translation>G53 için G0 veya G1 ve koordinatlar gerekir</translation>
    </message>
    <message>
        <source>G64 {words} blending ignored</source>
        <translation>G64 {words} köşe yumuşatma yok sayıldı</translation>
    </message>
    <message>
        <source>G80 cannot take coordinates</source>
        <translation>G80 koordinat alamaz</translation>
    </message>
    <message>
        <source>H word without G43 to use it</source>
        <translation>H kelimesini kullanacak G43 yok</translation>
    </message>
    <message>
        <source>I, J and Q words are not allowed with {code}</source>
        <translation>{code} ile I, J ve Q kelimeleri kullanılamaz</translation>
    </message>
    <message>
        <source>L word without G10 or a canned cycle to use it</source>
        <translation>L kelimesini kullanacak G10 veya sabit çevrim yok</translation>
    </message>
    <message>
        <source>LN of {value}: the argument must be more than 0</source>
        <translation>LN {value}: bağımsız değişken 0&apos;dan büyük olmalı</translation>
    </message>
    <message>
        <source>M61 needs Q (the tool number, 0 or more)</source>
        <translation>M61 Q ister (takım numarası, 0 ya da daha büyük)</translation>
    </message>
    <message>
        <source>M72 without a state saved by M70 to restore</source>
        <translation>M72 için M70 ile kaydedilmiş bir durum yok</translation>
    </message>
    <message>
        <source>M73 can only be used in a subroutine</source>
        <translation>M73 yalnızca bir alt programda kullanılabilir</translation>
    </message>
    <message>
        <source>NURBS</source>
        <translation>NURBS</translation>
    </message>
    <message>
        <source>O words (subroutines and control flow) are not supported</source>
        <translation>O kelimeleri (alt programlar ve akış kontrolü) desteklenmiyor</translation>
    </message>
    <message>
        <source>O-word name without its closing &apos;&gt;&apos;</source>
        <translation>O sözcüğü adının kapanış &apos;&gt;&apos; işareti yok</translation>
    </message>
    <message>
        <source>O{name} {keyword} is never closed</source>
        <translation>O{name} {keyword} hiç kapatılmıyor</translation>
    </message>
    <message>
        <source>O{name} {keyword} outside a while or do loop of that name</source>
        <translation>O{name} {keyword} bu adda bir while ya da do döngüsünün dışında</translation>
    </message>
    <message>
        <source>O{name} {keyword} without a matching if</source>
        <translation>O{name} {keyword} için eşleşen bir if yok</translation>
    </message>
    <message>
        <source>O{name} {keyword} without a matching {opener}</source>
        <translation>O{name} {keyword} için eşleşen bir {opener} yok</translation>
    </message>
    <message>
        <source>P (the number of turns) must be 1 or more</source>
        <translation>P (tur sayısı) en az 1 olmalı</translation>
    </message>
    <message>
        <source>P (the number of turns) must be a whole number</source>
        <translation>P (tur sayısı) tam sayı olmalı</translation>
    </message>
    <message>
        <source>P word without G2, G3, G4, G10, G64 or G82 to use it</source>
        <translation>P kelimesini kullanacak G2, G3, G4, G10, G64 veya G82 yok</translation>
    </message>
    <message>
        <source>Q word without G73, G83 or G64 to use it</source>
        <translation>Q kelimesini kullanacak G73, G83 veya G64 yok</translation>
    </message>
    <message>
        <source>R (a rotation) is not allowed with G10 L20</source>
        <translation>G10 L20 ile R (döndürme) kullanılamaz</translation>
    </message>
    <message>
        <source>R word without G2, G3, G10 or a canned cycle to use it</source>
        <translation>R kelimesini kullanacak G2, G3, G10 veya sabit çevrim yok</translation>
    </message>
    <message>
        <source>SQRT of the negative number {value}</source>
        <translation>negatif sayı {value} için SQRT</translation>
    </message>
    <message>
        <source>UV/UW/VW planes</source>
        <translation>UV/UW/VW düzlemleri</translation>
    </message>
    <message>
        <source>a call takes at most 30 arguments</source>
        <translation>bir çağrı en çok 30 bağımsız değişken alır</translation>
    </message>
    <message>
        <source>a negative number raised to a fractional power</source>
        <translation>negatif bir sayının kesirli kuvveti alınamaz</translation>
    </message>
    <message>
        <source>a number was expected at &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; konumunda bir sayı bekleniyordu</translation>
    </message>
    <message>
        <source>a parameter file line is &apos;number value&apos;, not &apos;{text}&apos;</source>
        <translation>bir parametre dosyası satırı &apos;numara değer&apos; biçimindedir, &apos;{text}&apos; değil</translation>
    </message>
    <message>
        <source>a parameter on its own needs &apos;=&apos; and a value (#1=2)</source>
        <translation>tek başına bir parametre &apos;=&apos; ve bir değer ister (#1=2)</translation>
    </message>
    <message>
        <source>a value is missing at the end of the line</source>
        <translation>satırın sonunda bir değer eksik</translation>
    </message>
    <message>
        <source>adding tool length offsets</source>
        <translation>takım boyu telafilerini toplama</translation>
    </message>
    <message>
        <source>an O-word needs a number or a &lt;name&gt;</source>
        <translation>bir O sözcüğü bir numara ya da bir &lt;name&gt; ister</translation>
    </message>
    <message>
        <source>an expression needs a letter before it (X[1+2])</source>
        <translation>bir ifadenin önünde bir harf olmalı (X[1+2])</translation>
    </message>
    <message>
        <source>back boring cycles</source>
        <translation>arka borlama çevrimleri</translation>
    </message>
    <message>
        <source>bad number {text}</source>
        <translation>hatalı sayı {text}</translation>
    </message>
    <message>
        <source>boring cycles</source>
        <translation>borlama çevrimleri</translation>
    </message>
    <message>
        <source>byte 0x{code}</source>
        <translation>0x{code} baytı</translation>
    </message>
    <message>
        <source>canned cycles cannot be used with cutter radius compensation</source>
        <translation>sabit çevrimler takım yarıçap telafisiyle kullanılamaz</translation>
    </message>
    <message>
        <source>cannot read subroutine file {file}: {reason}</source>
        <translation>alt program dosyası {file} okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>cannot read the O-word</source>
        <translation>O sözcüğü okunamıyor</translation>
    </message>
    <message>
        <source>cannot read the line</source>
        <translation>satır okunamıyor</translation>
    </message>
    <message>
        <source>character &apos;{char}&apos;</source>
        <translation>&apos;{char}&apos; karakteri</translation>
    </message>
    <message>
        <source>character U+{code}</source>
        <translation>U+{code} karakteri</translation>
    </message>
    <message>
        <source>clockwise</source>
        <translation>saat yönünde</translation>
    </message>
    <message>
        <source>comment is not closed (missing &apos;)&apos;)</source>
        <translation>yorum kapatılmamış (&apos;)&apos; eksik)</translation>
    </message>
    <message>
        <source>constant surface speed, a lathe&apos;s</source>
        <translation>sabit kesme hızı, torna işlevi</translation>
    </message>
    <message>
        <source>coordinates without a motion mode in effect (G0, G1, G2, G3 or a cycle)</source>
        <translation>etkin hareket modu olmadan koordinat verilmiş (G0, G1, G2, G3 veya bir çevrim)</translation>
    </message>
    <message>
        <source>counter-clockwise</source>
        <translation>saat yönünün tersine</translation>
    </message>
    <message>
        <source>cutter gouging with cutter radius compensation</source>
        <translation>takım yarıçap telafisiyle takım parçayı oyuyor</translation>
    </message>
    <message>
        <source>cutter radius compensation is already on (G40 before a new G41/G42)</source>
        <translation>takım yarıçap telafisi zaten açık (yeni bir G41/G42 öncesinde G40)</translation>
    </message>
    <message>
        <source>cutter radius compensation only in the XY plane (G17)</source>
        <translation>takım yarıçap telafisi yalnızca XY düzleminde (G17)</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>sıfıra bölme</translation>
    </message>
    <message>
        <source>dynamic tool length offsets</source>
        <translation>dinamik takım boyu telafisi</translation>
    </message>
    <message>
        <source>expression without its closing &apos;]&apos;</source>
        <translation>ifadenin kapanış &apos;]&apos; işareti yok</translation>
    </message>
    <message>
        <source>expressions ([...]) are not supported</source>
        <translation>ifadeler ([...]) desteklenmiyor</translation>
    </message>
    <message>
        <source>extra linear axes (U) are not supported</source>
        <translation>ek doğrusal eksenler (U) desteklenmiyor</translation>
    </message>
    <message>
        <source>extra linear axes (V) are not supported</source>
        <translation>ek doğrusal eksenler (V) desteklenmiyor</translation>
    </message>
    <message>
        <source>extra linear axes (W) are not supported</source>
        <translation>ek doğrusal eksenler (W) desteklenmiyor</translation>
    </message>
    <message>
        <source>feed per revolution</source>
        <translation>devir başına ilerleme</translation>
    </message>
    <message>
        <source>lathe diameter mode, not on a mill</source>
        <translation>torna çap modu, frezede yok</translation>
    </message>
    <message>
        <source>lathe finishing cycles</source>
        <translation>torna bitirme çevrimleri</translation>
    </message>
    <message>
        <source>lathe radius mode, not on a mill</source>
        <translation>torna yarıçap modu, frezede yok</translation>
    </message>
    <message>
        <source>lathe roughing cycles</source>
        <translation>torna kaba işleme çevrimleri</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>satır {line}: {message}</translation>
    </message>
    <message>
        <source>named parameter #&lt;{name}&gt; is not defined</source>
        <translation>adlandırılmış parametre #&lt;{name}&gt; tanımlı değil</translation>
    </message>
    <message>
        <source>named parameter without a name (#&lt;&gt;)</source>
        <translation>adı olmayan adlandırılmış parametre (#&lt;&gt;)</translation>
    </message>
    <message>
        <source>named parameter without its closing &apos;&gt;&apos;</source>
        <translation>adlandırılmış parametrenin kapanış &apos;&gt;&apos; işareti yok</translation>
    </message>
    <message>
        <source>negative D (the tool diameter)</source>
        <translation>negatif D (takım çapı)</translation>
    </message>
    <message>
        <source>negative feed rate {word}</source>
        <translation>negatif ilerleme {word}</translation>
    </message>
    <message>
        <source>negative spindle speed {word}</source>
        <translation>negatif devir {word}</translation>
    </message>
    <message>
        <source>negative tool number {word}</source>
        <translation>negatif takım numarası {word}</translation>
    </message>
    <message>
        <source>negative {letter} word {word}</source>
        <translation>negatif {letter} kelimesi {word}</translation>
    </message>
    <message>
        <source>nested comments are not allowed</source>
        <translation>iç içe yorumlara izin verilmez</translation>
    </message>
    <message>
        <source>number {text} without a letter</source>
        <translation>harfsiz sayı {text}</translation>
    </message>
    <message>
        <source>override switches</source>
        <translation>hız ayarı (override) anahtarları</translation>
    </message>
    <message>
        <source>parameter #&lt;{name}&gt; is read-only</source>
        <translation>#&lt;{name}&gt; parametresi salt okunur</translation>
    </message>
    <message>
        <source>parameter #{number} is read-only</source>
        <translation>#{number} parametresi salt okunur</translation>
    </message>
    <message>
        <source>parameter number {number} is not a whole number</source>
        <translation>parametre numarası {number} bir tam sayı değil</translation>
    </message>
    <message>
        <source>parameter number {number} is out of range (1 to {last})</source>
        <translation>parametre numarası {number} aralık dışında (1 ile {last} arası)</translation>
    </message>
    <message>
        <source>parameters (#) are not supported</source>
        <translation>parametreler (#) desteklenmiyor</translation>
    </message>
    <message>
        <source>parameters or expressions nested too deeply</source>
        <translation>parametreler ya da ifadeler çok derin iç içe</translation>
    </message>
    <message>
        <source>polar coordinates</source>
        <translation>polar koordinatlar</translation>
    </message>
    <message>
        <source>polar coordinates (@, ^) and {letter} on the same line</source>
        <translation>kutupsal koordinatlar (@, ^) ve {letter} aynı satırda</translation>
    </message>
    <message>
        <source>polar coordinates (@, ^) are not supported</source>
        <translation>polar koordinatlar (@, ^) desteklenmiyor</translation>
    </message>
    <message>
        <source>polar coordinates (@, ^) can only be used for motion</source>
        <translation>kutupsal koordinatlar (@, ^) yalnızca hareket için kullanılabilir</translation>
    </message>
    <message>
        <source>program number {code} ignored</source>
        <translation>program numarası {code} yok sayıldı</translation>
    </message>
    <message>
        <source>repeat needs its count: repeat [n]</source>
        <translation>repeat tekrar sayısını ister: repeat [n]</translation>
    </message>
    <message>
        <source>return outside a subroutine</source>
        <translation>return bir alt programın dışında</translation>
    </message>
    <message>
        <source>rigid tapping</source>
        <translation>rijit kılavuz çekme</translation>
    </message>
    <message>
        <source>rotary axes (A) are not supported until the simulator has them</source>
        <translation>döner eksenler (A), simülasyon onları destekleyene kadar desteklenmiyor</translation>
    </message>
    <message>
        <source>rotary axes (B) are not supported until the simulator has them</source>
        <translation>döner eksenler (B), simülasyon onları destekleyene kadar desteklenmiyor</translation>
    </message>
    <message>
        <source>rotary axes (C) are not supported until the simulator has them</source>
        <translation>döner eksenler (C), simülasyon onları destekleyene kadar desteklenmiyor</translation>
    </message>
    <message>
        <source>spindle orientation</source>
        <translation>iş mili yönlendirme</translation>
    </message>
    <message>
        <source>spindle-synchronised motion</source>
        <translation>iş mili senkronize hareket</translation>
    </message>
    <message>
        <source>splines (G5, G5.1) must be in the XY plane</source>
        <translation>spline eğrileri (G5, G5.1) XY düzleminde olmalı</translation>
    </message>
    <message>
        <source>subroutine O{name} is not defined here or as {file} on the subroutine path</source>
        <translation>alt program O{name} ne burada ne de alt program yolunda {file} olarak tanımlı</translation>
    </message>
    <message>
        <source>subroutine calls nested more than {count} deep</source>
        <translation>alt program çağrıları {count} düzeyden daha derin iç içe</translation>
    </message>
    <message>
        <source>subroutines cannot be defined inside others</source>
        <translation>alt programlar başka bir alt programın içinde tanımlanamaz</translation>
    </message>
    <message>
        <source>text after the program end is ignored</source>
        <translation>program sonundan sonraki metin yok sayıldı</translation>
    </message>
    <message>
        <source>the arcs of the program make more than {count} points</source>
        <translation>programın yayları {count} noktadan fazlasını üretiyor</translation>
    </message>
    <message>
        <source>the cutter compensation entry move is not longer than the tool radius</source>
        <translation>takım telafisi giriş hareketi takım yarıçapından uzun değil</translation>
    </message>
    <message>
        <source>the expression&apos;s value is too large</source>
        <translation>ifadenin değeri çok büyük</translation>
    </message>
    <message>
        <source>the file ends inside subroutine {name}</source>
        <translation>dosya {name} alt programının içinde bitiyor</translation>
    </message>
    <message>
        <source>the line number (N word) must be the first word</source>
        <translation>satır numarası (N kelimesi) ilk kelime olmalı</translation>
    </message>
    <message>
        <source>the move just after cutter radius compensation is turned off must be straight, not an arc</source>
        <translation>takım yarıçap telafisi kapatıldıktan hemen sonraki hareket yay değil, doğrusal olmalı</translation>
    </message>
    <message>
        <source>the program contains no G-code</source>
        <translation>programda G kodu yok</translation>
    </message>
    <message>
        <source>the program does not end with M2, M30 or %</source>
        <translation>program M2, M30 veya % ile bitmiyor</translation>
    </message>
    <message>
        <source>the program makes more than {count} motions</source>
        <translation>program {count} hareketten fazlasını üretiyor</translation>
    </message>
    <message>
        <source>the program runs more than {count} blocks</source>
        <translation>program {count} bloktan fazlasını çalıştırıyor</translation>
    </message>
    <message>
        <source>the tool radius is not less than the arc radius with compensation</source>
        <translation>telafiyle takım yarıçapı yay yarıçapından küçük değil</translation>
    </message>
    <message>
        <source>threading cycles</source>
        <translation>diş çekme çevrimleri</translation>
    </message>
    <message>
        <source>tool {tool} has no diameter in the tool table (G41/G42 D)</source>
        <translation>takım tablosunda {tool} numaralı takımın çapı yok (G41/G42 D)</translation>
    </message>
    <message>
        <source>tool {tool} is not in the tool table</source>
        <translation>{tool} numaralı takım, takım tablosunda yok</translation>
    </message>
    <message>
        <source>tool {tool} is not in the tool table ({words})</source>
        <translation>{tool} numaralı takım, takım tablosunda yok ({words})</translation>
    </message>
    <message>
        <source>two {letter} words on one line</source>
        <translation>bir satırda iki {letter} kelimesi</translation>
    </message>
    <message>
        <source>unexpected character &apos;{char}&apos;</source>
        <translation>beklenmeyen karakter &apos;{char}&apos;</translation>
    </message>
    <message>
        <source>unexpected text after {keyword}: &apos;{text}&apos;</source>
        <translation>{keyword} sonrasında beklenmeyen metin: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>unexpected {what}</source>
        <translation>beklenmeyen {what}</translation>
    </message>
    <message>
        <source>unknown G code {code}</source>
        <translation>bilinmeyen G kodu {code}</translation>
    </message>
    <message>
        <source>unknown M code {code}</source>
        <translation>bilinmeyen M kodu {code}</translation>
    </message>
    <message>
        <source>unknown O-word command at &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; konumunda bilinmeyen O sözcüğü komutu</translation>
    </message>
    <message>
        <source>unknown function or word at &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; konumunda bilinmeyen işlev ya da sözcük</translation>
    </message>
    <message>
        <source>unknown operator at &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; konumunda bilinmeyen işleç</translation>
    </message>
    <message>
        <source>unknown word {letter}</source>
        <translation>bilinmeyen kelime {letter}</translation>
    </message>
    <message>
        <source>user-defined M codes</source>
        <translation>kullanıcı tanımlı M kodları</translation>
    </message>
    <message>
        <source>word {letter} has no value</source>
        <translation>{letter} kelimesinin değeri yok</translation>
    </message>
    <message>
        <source>{code} ({what}) is not supported</source>
        <translation>{code} ({what}) desteklenmiyor</translation>
    </message>
    <message>
        <source>{code} arc with a zero radius (check the centre)</source>
        <translation>{code} yayının yarıçapı sıfır (merkezi kontrol edin)</translation>
    </message>
    <message>
        <source>{code} arc with both R and I/J/K: give one or the other</source>
        <translation>{code} yayında hem R hem I/J/K var: yalnızca birini verin</translation>
    </message>
    <message>
        <source>{code} arc without a centre: give {centre} or R</source>
        <translation>{code} yayının merkezi yok: {centre} veya R verin</translation>
    </message>
    <message>
        <source>{code} cannot be used in inverse time mode (G93)</source>
        <translation>{code} ters zaman modunda (G93) kullanılamaz</translation>
    </message>
    <message>
        <source>{code} cannot move Z or take R</source>
        <translation>{code} Z&apos;yi hareket ettiremez ve R alamaz</translation>
    </message>
    <message>
        <source>{code} end point is not on the arc: radius {start} at the start, {end} at the end (check the centre)</source>
        <translation>{code} bitiş noktası yayın üzerinde değil: yarıçap başta {start}, sonda {end} (merkezi kontrol edin)</translation>
    </message>
    <message>
        <source>{code} in inverse time mode (G93) needs F on the line</source>
        <translation>{code} ters zaman modunda (G93) aynı satırda F ister</translation>
    </message>
    <message>
        <source>{code} in the {plane} plane needs {letter}</source>
        <translation>{plane} düzleminde {code} için {letter} gerekir</translation>
    </message>
    <message>
        <source>{code} is not supported (use L2 or L20)</source>
        <translation>{code} desteklenmiyor (L2 veya L20 kullanın)</translation>
    </message>
    <message>
        <source>{code} needs P (1-9, or 0 for the active system)</source>
        <translation>{code} için P gerekir (1-9 ya da etkin sistem için 0)</translation>
    </message>
    <message>
        <source>{code} needs P (the dwell at the bottom, seconds)</source>
        <translation>{code} P ister (dipte bekleme, saniye)</translation>
    </message>
    <message>
        <source>{code} needs P (the tool number, 1 or more)</source>
        <translation>{code} P ister (takım numarası, 1 ya da daha büyük)</translation>
    </message>
    <message>
        <source>{code} needs Q (the peck depth)</source>
        <translation>{code} için Q gerekir (kademeli delme adımı)</translation>
    </message>
    <message>
        <source>{code} needs R (the retract plane)</source>
        <translation>{code} için R gerekir (geri çekme düzlemi)</translation>
    </message>
    <message>
        <source>{code} needs at least one of X, Y and Z</source>
        <translation>{code} X, Y ve Z&apos;den en az birini ister</translation>
    </message>
    <message>
        <source>{code} needs both I and J, or neither</source>
        <translation>{code} ya I ve J&apos;nin ikisini birden ister ya da hiçbirini</translation>
    </message>
    <message>
        <source>{code} needs the spindle turning {direction} ({m})</source>
        <translation>{code} iş milinin {direction} dönmesini ister ({m})</translation>
    </message>
    <message>
        <source>{code} radius {word} is too small</source>
        <translation>{code} yarıçapı {word} çok küçük</translation>
    </message>
    <message>
        <source>{code} radius {word} is too small to reach the end point {distance} away</source>
        <translation>{code} yarıçapı {word}, {distance} uzaktaki bitiş noktasına ulaşmak için çok küçük</translation>
    </message>
    <message>
        <source>{code} with R needs {first} or {second} (no full circle with R)</source>
        <translation>R ile verilen {code} için {first} veya {second} gerekir (R ile tam daire olmaz)</translation>
    </message>
    <message>
        <source>{code} with R starts and ends at the same point (use I/J for a circle)</source>
        <translation>R ile verilen {code} aynı noktada başlayıp bitiyor (tam daire için I/J kullanın)</translation>
    </message>
    <message>
        <source>{code} with a zero feed rate (no F given yet)</source>
        <translation>{code} sıfır ilerlemeyle (henüz F verilmedi)</translation>
    </message>
    <message>
        <source>{code} with {word} makes {pecks} pecks: more than the {count} motions allowed</source>
        <translation>{word} ile {code} {pecks} kademe yapar: izin verilen {count} hareketten fazla</translation>
    </message>
    <message>
        <source>{code}: P must be 0 to 9</source>
        <translation>{code}: P 0 ile 9 arasında olmalı</translation>
    </message>
    <message>
        <source>{code}: P must be a whole number</source>
        <translation>{code}: P tam sayı olmalı</translation>
    </message>
    <message>
        <source>{code}: R is below the bottom of the hole ({letter})</source>
        <translation>{code}: R, delik dibinin ({letter}) altında</translation>
    </message>
    <message>
        <source>{code}: a cycle runs at least once</source>
        <translation>{code}: bir çevrim en az bir kez çalışır</translation>
    </message>
    <message>
        <source>{code}: at most {count} repeats</source>
        <translation>{code}: en fazla {count} tekrar</translation>
    </message>
    <message>
        <source>{code}: cannot simulate probing (where the probe stops is only known on the machine)</source>
        <translation>{code}: prob ile ölçme simüle edilemez (probun nerede durduğu yalnızca tezgahta bilinir)</translation>
    </message>
    <message>
        <source>{code}: more than the {count} motions allowed</source>
        <translation>{code}: izin verilen {count} hareketten fazla</translation>
    </message>
    <message>
        <source>{code}: the peck depth Q must be more than 0</source>
        <translation>{code}: kademeli delme adımı Q, 0&apos;dan büyük olmalı</translation>
    </message>
    <message>
        <source>{file} does not define subroutine O{name}</source>
        <translation>{file}, O{name} alt programını tanımlamıyor</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>{first} and {second} cannot be on the same line</source>
        <translation>{first} ve {second} aynı satırda olamaz</translation>
    </message>
    <message>
        <source>{first} and {second} cannot be on the same line (both use the coordinates)</source>
        <translation>{first} ve {second} aynı satırda olamaz (ikisi de koordinatları kullanır)</translation>
    </message>
    <message>
        <source>{keyword} needs one condition in [ ]</source>
        <translation>{keyword} [ ] içinde bir koşul ister</translation>
    </message>
    <message>
        <source>{keyword} outside a called subroutine</source>
        <translation>{keyword} çağrılmış bir alt programın dışında</translation>
    </message>
    <message>
        <source>{letter} word given for an arc in the {plane} plane</source>
        <translation>{plane} düzlemindeki bir yay için {letter} kelimesi verilmiş</translation>
    </message>
    <message>
        <source>{letter} word missing for an absolute centre (G90.1)</source>
        <translation>mutlak merkez (G90.1) için {letter} kelimesi eksik</translation>
    </message>
    <message>
        <source>{letter} word without G2 or G3 to use it</source>
        <translation>{letter} kelimesini kullanacak G2 veya G3 yok</translation>
    </message>
    <message>
        <source>{name} needs its argument in [ ]</source>
        <translation>{name} bağımsız değişkenini [ ] içinde ister</translation>
    </message>
    <message>
        <source>{name} of {value}: the argument must be -1 to 1</source>
        <translation>{name} {value}: bağımsız değişken -1 ile 1 arasında olmalı</translation>
    </message>
    <message>
        <source>{words}: no tool table given, tool length taken as 0</source>
        <translation>{words}: takım tablosu verilmedi, takım boyu 0 alındı</translation>
    </message>
    <message>
        <source>{word} is too large (limit ±1,000,000)</source>
        <translation>{word} çok büyük (sınır ±1.000.000)</translation>
    </message>
    <message>
        <source>{word}: an arc makes at most {count} turns</source>
        <translation>{word}: bir yay en fazla {count} tur atar</translation>
    </message>
    <message>
        <source>{word}: {letter} must be a whole number</source>
        <translation>{word}: {letter} tam sayı olmalı</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source> and {count} more</source>
        <translation> ve {count} kişi daha</translation>
    </message>
    <message>
        <source>All {seats} seats of the {plan} license are in use by {holders}. Ask one of them to log out, or an administrator to end a session.</source>
        <translation>{plan} lisansının {seats} koltuğunun tamamı kullanımda: {holders}. Birinden çıkış yapmasını ya da bir yöneticiden bir oturumu sonlandırmasını isteyin.</translation>
    </message>
    <message>
        <source>Enter your e-mail address or mobile number.</source>
        <translation>E-posta adresinizi veya cep telefonu numaranızı girin.</translation>
    </message>
    <message>
        <source>Passwords are at most {limit} bytes long.</source>
        <translation>Parolalar en fazla {limit} bayt uzunluğunda olabilir.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Mevcut parola yanlış.</translation>
    </message>
    <message>
        <source>The password contains a control character ({code}, such as NUL or a line break); passwords may hold only characters that can be typed.</source>
        <translation>Parola bir denetim karakteri içeriyor ({code}, örneğin NUL ya da satır sonu); parolada yalnızca klavyeden yazılabilen karakterler bulunabilir.</translation>
    </message>
    <message>
        <source>The password is {size} bytes long; at most {limit} bytes (UTF-8) are allowed. Choose a shorter password.</source>
        <translation>Parola {size} bayt uzunluğunda; en fazla {limit} bayta (UTF-8) izin verilir. Daha kısa bir parola seçin.</translation>
    </message>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>Parola en az {count} karakter olmalıdır.</translation>
    </message>
    <message>
        <source>The password must not start or end with spaces.</source>
        <translation>Parola boşlukla başlamamalı veya bitmemelidir.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>Bu hesap devre dışı bırakıldı. Bir yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>This installation already has users; ask an administrator for an account.</source>
        <translation>Bu kurulumda zaten kullanıcılar var; hesap için bir yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>Too many failed attempts: this account is locked until {time} (Istanbul time). Try again then, or ask an administrator to unlock it.</source>
        <translation>Çok fazla başarısız deneme: bu hesap {time} (İstanbul saati) saatine kadar kilitli. O zaman yeniden deneyin ya da kilidi açması için bir yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>Wrong e-mail/phone or password.</source>
        <translation>E-posta/telefon veya parola yanlış.</translation>
    </message>
    <message>
        <source>{email} (since {since})</source>
        <translation>{email} ({since} itibarıyla)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Gözat…</translation>
    </message>
    <message>
        <source>Choose the order file.</source>
        <translation>Sipariş dosyasını seçin.</translation>
    </message>
    <message>
        <source>Choose the system the orders come from.</source>
        <translation>Siparişlerin geldiği sistemi seçin.</translation>
    </message>
    <message>
        <source>Each order becomes a project (an order imported before updates its project). A file with any bad line imports nothing.</source>
        <translation>Her sipariş bir proje olur (daha önce aktarılmış bir sipariş kendi projesini günceller). Tek bir satırı hatalı olan dosyadan hiçbir şey aktarılmaz.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Dosya:</translation>
    </message>
    <message>
        <source>From system:</source>
        <translation>Kaynak sistem:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Aktar</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>Sipariş aktar</translation>
    </message>
    <message>
        <source>Order file</source>
        <translation>Sipariş dosyası</translation>
    </message>
    <message>
        <source>Order files (*.csv *.json);;All files (*)</source>
        <translation>Sipariş dosyaları (*.csv *.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>{path} diye bir dosya yok.</translation>
    </message>
    <message>
        <source>orders.csv or orders.json</source>
        <translation>siparisler.csv ya da siparisler.json</translation>
    </message>
</context>
<context>
    <name>IntegrationsTab</name>
    <message>
        <source> on {when}</source>
        <translation> ({when})</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>#{id} {what}, {entity}, {system}: {status}</source>
        <translation>#{id} {what}, {entity}, {system}: {status}</translation>
    </message>
    <message>
        <source>, next attempt {when}</source>
        <translation>, sonraki deneme {when}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Etkin</translation>
    </message>
    <message>
        <source>Add system…</source>
        <translation>Sistem ekle…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <source>Deliver every due event once, from this computer (the workers also do).</source>
        <translation>Zamanı gelen her olayı bu bilgisayardan bir kez gönderin (işleyiciler de gönderir).</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Yön</translation>
    </message>
    <message>
        <source>ERP/MES synchronisation is not part of your {current} license: the {plans} plan includes it. What is configured is shown read-only.</source>
        <translation>ERP/MES eşitlemesi {current} lisansınıza dahil değil: {plans} planında var. Yapılandırılmış olanlar salt okunur gösterilir.</translation>
    </message>
    <message>
        <source>ERP/MES synchronisation needs a license in force: the {plans} plan includes it. What is configured is shown read-only.</source>
        <translation>ERP/MES eşitlemesi geçerli bir lisans gerektirir: {plans} planında var. Yapılandırılmış olanlar salt okunur gösterilir.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Düzenle…</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Kayıt</translation>
    </message>
    <message>
        <source>Entity types</source>
        <translation>Kayıt türleri</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Exchange #{id} is queued again with fresh retries: the workers send it within seconds, or press Send now.</source>
        <translation>Aktarım #{id} deneme hakları yenilenerek yeniden sıraya alındı: işleyiciler saniyeler içinde gönderir ya da Şimdi gönder&apos;e basın.</translation>
    </message>
    <message>
        <source>Exchange queue</source>
        <translation>Aktarım kuyruğu</translation>
    </message>
    <message>
        <source>External system {name} removed.</source>
        <translation>Dış sistem {name} kaldırıldı.</translation>
    </message>
    <message>
        <source>External systems</source>
        <translation>Dış sistemler</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>Sipariş aktar…</translation>
    </message>
    <message>
        <source>Inspect payload…</source>
        <translation>İçeriği incele…</translation>
    </message>
    <message>
        <source>Its {count} undelivered exchange(s) will be marked failed; deactivating it instead keeps them.</source>
        <translation>Gönderilmemiş {count} aktarımı başarısız sayılır; bunun yerine sistemi devre dışı bırakmak onları korur.</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Son hata: {error}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Sonraki deneme</translation>
    </message>
    <message>
        <source>No active system sends orders: give one the direction inbound or both and the entity type orders.</source>
        <translation>Sipariş gönderen etkin bir sistem yok: bir sisteme gelen ya da iki yönlü yönünü ve sipariş kayıt türünü verin.</translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation>Zamanı gelen bir şey yoktu.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kuyruk</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Remove system</source>
        <translation>Sistemi kaldır</translation>
    </message>
    <message>
        <source>Remove {name} and forget its token and signing secret?</source>
        <translation>{name} kaldırılsın ve belirteci ile imza anahtarı unutulsun mu?</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Kaldır…</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Deneme</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>Retry all failed</source>
        <translation>Başarısızları yeniden dene</translation>
    </message>
    <message>
        <source>Select a system first.</source>
        <translation>Önce bir sistem seçin.</translation>
    </message>
    <message>
        <source>Select an exchange first.</source>
        <translation>Önce bir aktarım seçin.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Şimdi gönder</translation>
    </message>
    <message>
        <source>Sending what is due…</source>
        <translation>Zamanı gelenler gönderiliyor…</translation>
    </message>
    <message>
        <source>Skipped: {why}.</source>
        <translation>Atlananlar: {why}.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistem</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Belirteç</translation>
    </message>
    <message>
        <source>Token: {token}
Signing secret: {signing}</source>
        <translation>Belirteç: {token}
İmza anahtarı: {signing}</translation>
    </message>
    <message>
        <source>both</source>
        <translation>iki yönlü</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>şimdi</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>ortam değişkeni</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>gelen</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>anahtarlık</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <source>no (signing secret only)</source>
        <translation>hayır (yalnız imza anahtarı)</translation>
    </message>
    <message>
        <source>order import</source>
        <translation>sipariş aktarımı</translation>
    </message>
    <message>
        <source>order {ref} → project {id}</source>
        <translation>sipariş {ref} → proje {id}</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>giden</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>beklemede</translation>
    </message>
    <message>
        <source>retry {count}</source>
        <translation>deneme {count}</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>eşitlendi</translation>
    </message>
    <message>
        <source>synced {when}</source>
        <translation>{when} eşitlendi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>yes ({where})</source>
        <translation>evet ({where})</translation>
    </message>
    <message>
        <source>{attempted} sent: {synced} delivered, {retrying} to retry, {failed} failed.</source>
        <translation>{attempted} gönderildi: {synced} teslim edildi, {retrying} yeniden denenecek, {failed} başarısız.</translation>
    </message>
    <message>
        <source>{count} failed exchange(s) queued again.</source>
        <translation>{count} başarısız aktarım yeniden sıraya alındı.</translation>
    </message>
    <message>
        <source>{count} pending exchange(s) wait for their next attempt; Retry sends one at once.</source>
        <translation>{count} bekleyen aktarım sonraki denemesini bekliyor; Yeniden dene birini hemen gönderir.</translation>
    </message>
    <message>
        <source>{file} → {system}: {created} project(s) created, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} → {system}: {created} proje oluşturuldu, {updated} güncellendi, {unchanged} değişmedi.</translation>
    </message>
    <message>
        <source>{name}: {why}.</source>
        <translation>{name}: {why}.</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Add line</source>
        <translation>Satır ekle</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>Alıcı:</translation>
    </message>
    <message>
        <source>Choose the buyer.</source>
        <translation>Alıcıyı seçin.</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Para birimi:</translation>
    </message>
    <message>
        <source>Draft invoice #{id} created.</source>
        <translation>Taslak fatura #{id} oluşturuldu.</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Vade tarihi:</translation>
    </message>
    <message>
        <source>KDV ({rate}):</source>
        <translation>KDV ({rate}):</translation>
    </message>
    <message>
        <source>KDV rate:</source>
        <translation>KDV oranı:</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>Yeni fatura</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notlar:</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Satırı kaldır</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>Ara toplam:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Toplam:</translation>
    </message>
</context>
<context>
    <name>InvoicePdf</name>
    <message>
        <source>Account name</source>
        <translation>Hesap Sahibi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Amount in words</source>
        <translation>Tutar (yazıyla)</translation>
    </message>
    <message>
        <source>BILL TO</source>
        <translation>SAYIN</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>İPTAL EDİLDİ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para Birimi</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>TASLAK</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Açıklama</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Son Ödeme Tarihi</translation>
    </message>
    <message>
        <source>E-mail: {email}</source>
        <translation>E-posta: {email}</translation>
    </message>
    <message>
        <source>Goods and services</source>
        <translation>Mal ve Hizmetler</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>Genel Toplam</translation>
    </message>
    <message>
        <source>INVOICE</source>
        <translation>FATURA</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Fatura Tarihi</translation>
    </message>
    <message>
        <source>Invoice draft</source>
        <translation>Fatura taslağı</translation>
    </message>
    <message>
        <source>Invoice draft #{invoice} has no number yet; issue it first.</source>
        <translation>Fatura taslağı #{invoice} henüz numarasız; önce faturayı kesin.</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>Fatura No</translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation>Fatura Türü</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Fatura {number}</translation>
    </message>
    <message>
        <source>Invoice {number} has no PDF yet; an administrator can draw it (Open PDF).</source>
        <translation>{number} numaralı faturanın henüz PDF&apos;i yok; bir yönetici çizebilir (PDF&apos;i aç).</translation>
    </message>
    <message>
        <source>Issue time</source>
        <translation>Düzenleme Saati</translation>
    </message>
    <message>
        <source>National ID no. (TCKN): {number}</source>
        <translation>TCKN: {number}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Sıra</translation>
    </message>
    <message>
        <source>Not a valid invoice</source>
        <translation>Geçerli bir fatura değildir</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <source>One-time sale</source>
        <translation>Tek seferlik satış</translation>
    </message>
    <message>
        <source>Only an administrator can draw the invoice in another language.</source>
        <translation>Faturanın başka dildeki nüshasını yalnızca bir yönetici çizebilir.</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>ÖDENDİ</translation>
    </message>
    <message>
        <source>Page {number} / {count}</source>
        <translation>Sayfa {number} / {count}</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>Ödeme Tarihi</translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation>Ödeme Bilgileri</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Ödeme Açıklaması</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Tel: {phone}</translation>
    </message>
    <message>
        <source>Please write the invoice number ({number}) as the payment reference.</source>
        <translation>Ödemenin açıklamasına fatura numarasını ({number}) yazınız.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Miktar</translation>
    </message>
    <message>
        <source>SELLER</source>
        <translation>SATICI</translation>
    </message>
    <message>
        <source>Service period</source>
        <translation>Hizmet Dönemi</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonelik</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Ara Toplam</translation>
    </message>
    <message>
        <source>Tax no. (VKN): {number}</source>
        <translation>VKN: {number}</translation>
    </message>
    <message>
        <source>Tax office: {office}</source>
        <translation>Vergi Dairesi: {office}</translation>
    </message>
    <message>
        <source>The stored file of invoice {number} is not a PDF; draw it again (ensure_pdf).</source>
        <translation>{number} numaralı faturanın kayıtlı dosyası PDF değil; yeniden çizin (ensure_pdf).</translation>
    </message>
    <message>
        <source>There is no invoice #{invoice}.</source>
        <translation>#{invoice} numaralı fatura yok.</translation>
    </message>
    <message>
        <source>This invoice is cancelled; do not pay it.</source>
        <translation>Bu fatura iptal edilmiştir; ödeme yapmayınız.</translation>
    </message>
    <message>
        <source>This is an English translation of Turkish invoice {number}; the Turkish original prevails.</source>
        <translation>Bu belge, {number} numaralı Türkçe faturanın İngilizce çevirisidir; Türkçe asıl nüsha geçerlidir.</translation>
    </message>
    <message>
        <source>This is an English translation of a Turkish invoice draft; the Turkish original prevails.</source>
        <translation>Bu belge, Türkçe bir fatura taslağının İngilizce çevirisidir; Türkçe asıl nüsha geçerlidir.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Birim Fiyat</translation>
    </message>
    <message>
        <source>Usage fee</source>
        <translation>Kullanım bedeli</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>KDV %</translation>
    </message>
    <message>
        <source>VAT (KDV) {rate}</source>
        <translation>KDV ({rate})</translation>
    </message>
    <message>
        <source>VAT amount</source>
        <translation>KDV Tutarı</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>adet</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (devam)</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <source>A draft has no PDF yet; issue it first.</source>
        <translation>Taslağın henüz PDF&apos;i yok; önce faturayı kesin.</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Tüm para birimleri</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Kalan</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Alıcı</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>İptal et…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Draft #{id} issued as {number}.</source>
        <translation>Taslak #{id}, {number} numarasıyla kesildi.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vade</translation>
    </message>
    <message>
        <source>Invoice PDFs are not available in this version.</source>
        <translation>Bu sürümde fatura PDF&apos;i yok.</translation>
    </message>
    <message>
        <source>Invoice {label} has no payment left to refund.</source>
        <translation>{label} faturasında iade edilecek ödeme kalmadı.</translation>
    </message>
    <message>
        <source>Invoice {label} is {status}; payments are recorded for issued, unpaid invoices.</source>
        <translation>{label} faturası {status}; ödemeler kesilmiş ve ödenmemiş faturalara kaydedilir.</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Faturayı kes</translation>
    </message>
    <message>
        <source>Language of the PDF: the Turkish invoice, or an English copy for a foreign buyer that names the Turkish original</source>
        <translation>PDF&apos;in dili: Türkçe fatura ya da yabancı bir alıcı için, Türkçe asıl faturayı belirten İngilizce nüsha</translation>
    </message>
    <message>
        <source>New invoice…</source>
        <translation>Yeni fatura…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numara</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>PDF&apos;i aç</translation>
    </message>
    <message>
        <source>Opened {path}.</source>
        <translation>{path} açıldı.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Ödenen</translation>
    </message>
    <message>
        <source>Preparing the PDF of {label}…</source>
        <translation>{label} PDF&apos;i hazırlanıyor…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>Ödeme kaydet…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>İade…</translation>
    </message>
    <message>
        <source>Saved {path}; no program here opens PDFs.</source>
        <translation>{path} kaydedildi; bu bilgisayarda PDF açan bir program yok.</translation>
    </message>
    <message>
        <source>Search number or buyer</source>
        <translation>Numara ya da alıcı ara</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>The PDF of {label} was not updated: {error}</source>
        <translation>{label} PDF&apos;i güncellenmedi: {error}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>taslak</translation>
    </message>
    <message>
        <source>draft #{id}</source>
        <translation>taslak #{id}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vadesi geçmiş</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>ödendi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gönderildi</translation>
    </message>
</context>
<context>
    <name>IsoStockView</name>
    <message>
        <source>Drawing the stock…</source>
        <translation>Ham parça çiziliyor…</translation>
    </message>
</context>
<context>
    <name>JobParams</name>
    <message>
        <source>A cad_generate job&apos;s parameters must be an object of NAME: VALUE.</source>
        <translation>Bir cad_generate işinin parametreleri AD: DEĞER biçiminde bir nesne olmalı.</translation>
    </message>
    <message>
        <source>A {job_type} job needs {key}, the id of {what} (e.g. {{&quot;{key}&quot;: 12}}); or use `{command}`.</source>
        <translation>Bir {job_type} işi {key} ister: {what} id&apos;si (örneğin {{&quot;{key}&quot;: 12}}); ya da `{command}` kullanın.</translation>
    </message>
    <message>
        <source>a CAM run</source>
        <translation>bir CAM çalışmasının</translation>
    </message>
    <message>
        <source>a catalog machine</source>
        <translation>katalogdaki bir tezgahın</translation>
    </message>
    <message>
        <source>a model version</source>
        <translation>bir model sürümünün</translation>
    </message>
    <message>
        <source>a saved setup</source>
        <translation>kayıtlı bir bağlamanın</translation>
    </message>
    <message>
        <source>{key} {value} is not {what} you can see.</source>
        <translation>{key} {value}, görebildiğiniz {what} id&apos;si değil.</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Job {id} ({type}) failed: {reason}</source>
        <translation>{id} numaralı iş ({type}) başarısız oldu: {reason}</translation>
    </message>
    <message>
        <source>Job {id} ({type}) was cancelled: {reason}</source>
        <translation>{id} numaralı iş ({type}) iptal edildi: {reason}</translation>
    </message>
    <message>
        <source>Job {id} is still {state} after {seconds} s; follow it with `cncworkbench job show {id}`.</source>
        <translation>{id} numaralı iş {seconds} sn sonra hâlâ {state}; `cncworkbench job show {id}` ile izleyin.</translation>
    </message>
    <message>
        <source>No worker is running {types} jobs: running them in this process.</source>
        <translation>{types} işlerini çalıştıran işleyici yok: bu süreçte çalıştırılıyor.</translation>
    </message>
    <message>
        <source>No worker runs {types} jobs and this program cannot run one ({error}); start `cncworkbench worker` where FreeCAD is installed.</source>
        <translation>{types} işlerini çalıştıran işleyici yok ve bu program bir tane çalıştıramıyor ({error}); FreeCAD&apos;in kurulu olduğu yerde `cncworkbench worker` başlatın.</translation>
    </message>
    <message>
        <source>The shop&apos;s workers run the {types} jobs.</source>
        <translation>{types} işlerini atölyenin işleyicileri çalıştırıyor.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>neden belirtilmedi</translation>
    </message>
</context>
<context>
    <name>JobStates</name>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>iptal ediliyor</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>beklemede</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>sırada</translation>
    </message>
    <message>
        <source>running</source>
        <translation>çalışıyor</translation>
    </message>
</context>
<context>
    <name>JobTypes</name>
    <message>
        <source>cad generate</source>
        <translation>CAD üretimi</translation>
    </message>
    <message>
        <source>cam process</source>
        <translation>CAM işleme</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>yankı</translation>
    </message>
    <message>
        <source>erp sync</source>
        <translation>ERP eşitleme</translation>
    </message>
    <message>
        <source>gcode post</source>
        <translation>G kodu post</translation>
    </message>
    <message>
        <source>sim run</source>
        <translation>simülasyon</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Comparing the stock with the design</source>
        <translation>Ham parça tasarımla karşılaştırılıyor</translation>
    </message>
    <message>
        <source>Cutting the stock</source>
        <translation>Ham parçadan talaş kaldırılıyor</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Model indiriliyor</translation>
    </message>
    <message>
        <source>Drawing the report and the animation</source>
        <translation>Rapor ve animasyon çiziliyor</translation>
    </message>
    <message>
        <source>Drawing the setup sheet</source>
        <translation>Bağlama föyü çiziliyor</translation>
    </message>
    <message>
        <source>Job {job_id} is {status}; only failed or cancelled jobs are retried.</source>
        <translation>İş {job_id} şu durumda: {status}; yalnızca başarısız ya da iptal edilmiş işler yeniden denenir.</translation>
    </message>
    <message>
        <source>Reading the G-code</source>
        <translation>G kodu okunuyor</translation>
    </message>
    <message>
        <source>Storing the results</source>
        <translation>Sonuçlar kaydediliyor</translation>
    </message>
    <message>
        <source>The idempotency key must have 1 to 255 characters.</source>
        <translation>Tekrar anahtarı 1 ile 255 karakter arasında olmalı.</translation>
    </message>
    <message>
        <source>The timeout must be between 1 second and a week.</source>
        <translation>Zaman aşımı 1 saniye ile bir hafta arasında olmalı.</translation>
    </message>
    <message>
        <source>There is no job {job_id} (or it is not yours).</source>
        <translation>{job_id} numaralı iş yok (ya da sizin değil).</translation>
    </message>
    <message>
        <source>There is no job {job_id}.</source>
        <translation>{job_id} numaralı iş yok.</translation>
    </message>
    <message>
        <source>There is no model version {id}.</source>
        <translation>{id} numaralı model sürümü yok.</translation>
    </message>
    <message>
        <source>There is no setup {setup_id}.</source>
        <translation>{setup_id} numaralı bağlama yok.</translation>
    </message>
    <message>
        <source>This worker has no handlers for {asked}; known types: {known}</source>
        <translation>Bu işleyici {asked} işlerini çalıştıramaz; bilinen türler: {known}</translation>
    </message>
    <message>
        <source>Unknown job type &apos;{job_type}&apos;; one of {types}.</source>
        <translation>Bilinmeyen iş türü &apos;{job_type}&apos;; şunlardan biri olmalı: {types}.</translation>
    </message>
    <message>
        <source>Unknown status &apos;{status}&apos;; one of {statuses}.</source>
        <translation>Bilinmeyen durum &apos;{status}&apos;; şunlardan biri olmalı: {statuses}.</translation>
    </message>
    <message>
        <source>You may only cancel your own jobs.</source>
        <translation>Yalnızca kendi işlerinizi iptal edebilirsiniz.</translation>
    </message>
    <message>
        <source>a thumbnail job needs the model_id of a version</source>
        <translation>küçük resim işi bir sürümün model_id değerini ister</translation>
    </message>
    <message>
        <source>any job type</source>
        <translation>herhangi bir iş türü</translation>
    </message>
    <message>
        <source>cam_process needs the setup_id of a saved setup</source>
        <translation>cam_process, kaydedilmiş bir bağlamanın setup_id değerini ister</translation>
    </message>
    <message>
        <source>drawing the thumbnail</source>
        <translation>küçük resim çiziliyor</translation>
    </message>
    <message>
        <source>fetching the mesh</source>
        <translation>ağ (mesh) indiriliyor</translation>
    </message>
    <message>
        <source>max_retries must be between 0 and 20.</source>
        <translation>max_retries 0 ile 20 arasında olmalı.</translation>
    </message>
    <message>
        <source>measuring the mesh</source>
        <translation>ağ (mesh) ölçülüyor</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>sim_run needs the cam_run_id of a CAM run</source>
        <translation>sim_run, bir CAM çalışmasının cam_run_id değerini ister</translation>
    </message>
    <message>
        <source>the job ran longer than its timeout of {seconds} s</source>
        <translation>iş, {seconds} sn olan zaman aşımından uzun sürdü</translation>
    </message>
    <message>
        <source>the worker running the job stopped answering</source>
        <translation>işi çalıştıran işleyici yanıt vermeyi bıraktı</translation>
    </message>
    <message>
        <source>{reason} (after {count} attempts)</source>
        <translation>{reason} ({count} denemeden sonra)</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Artefacts…</source>
        <translation>Çıktı dosyaları…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Cancelled as requested.</source>
        <translation>İstendiği gibi iptal edildi.</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Everyone&apos;s jobs</source>
        <translation>Herkesin işleri</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Başarısız oldu.</translation>
    </message>
    <message>
        <source>Finished successfully.</source>
        <translation>Başarıyla tamamlandı.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>İş</translation>
    </message>
    <message>
        <source>Job {id} queued again as job {new}.</source>
        <translation>İş {id}, iş {new} olarak yeniden sıraya alındı.</translation>
    </message>
    <message>
        <source>Job {id}: {state}.</source>
        <translation>İş {id}: {state}.</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Tümünü okundu say</translation>
    </message>
    <message>
        <source>My jobs</source>
        <translation>İşlerim</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Bildirimler</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>İlerleme durumu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>retrying ({count}/{most})</source>
        <translation>yeniden deneniyor ({count}/{most})</translation>
    </message>
    <message>
        <source>{count} notifications marked read.</source>
        <translation>{count} bildirim okundu sayıldı.</translation>
    </message>
    <message>
        <source>{kind} job {number} {status}</source>
        <translation>{kind} işi {number} {status}</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Tercihler</translation>
    </message>
    <message>
        <source>Saved in your profile: it follows you to every computer.</source>
        <translation>Profilinize kaydedilir: her bilgisayarda sizinle gelir.</translation>
    </message>
    <message>
        <source>Saved on this computer (the language in your profile is set by an administrator).</source>
        <translation>Bu bilgisayara kaydedilir (profilinizdeki dili bir yönetici belirler).</translation>
    </message>
    <message>
        <source>This computer starts in this language; after login, each user&apos;s own.</source>
        <translation>Bu bilgisayar bu dille açılır; girişten sonra her kullanıcının kendi dili geçerlidir.</translation>
    </message>
</context>
<context>
    <name>LicenseDialog</name>
    <message>
        <source>Choose who holds the license.</source>
        <translation>Lisansın sahibini seçin.</translation>
    </message>
    <message>
        <source>Dates start at 00:00 Istanbul time.</source>
        <translation>Tarihler İstanbul saatiyle 00:00&apos;da başlar.</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Lisans sahibi:</translation>
    </message>
    <message>
        <source>License #{id} ({plan}, {seats} seats) added.</source>
        <translation>Lisans #{id} ({plan}, {seats} koltuk) eklendi.</translation>
    </message>
    <message>
        <source>New license</source>
        <translation>Yeni lisans</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Renew automatically</source>
        <translation>Otomatik yenile</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Koltuk:</translation>
    </message>
    <message>
        <source>The license would end on {end}, before it starts on {start}.</source>
        <translation>Lisans {start} tarihinde başlamadan önce, {end} tarihinde biterdi.</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Başlangıç:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Bitiş:</translation>
    </message>
</context>
<context>
    <name>LicensesTab</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Auto-renew</source>
        <translation>Otomatik yenileme</translation>
    </message>
    <message>
        <source>Convert trial to plan…</source>
        <translation>Denemeyi plana dönüştür…</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Oturumu sonlandır</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Lisans sahibi</translation>
    </message>
    <message>
        <source>License #{id} is {plan} already.</source>
        <translation>Lisans #{id} zaten {plan}.</translation>
    </message>
    <message>
        <source>License #{id} reactivated.</source>
        <translation>Lisans #{id} yeniden etkinleştirildi.</translation>
    </message>
    <message>
        <source>License #{id} suspended.</source>
        <translation>Lisans #{id} askıya alındı.</translation>
    </message>
    <message>
        <source>Log the selected user out everywhere; their seat becomes free.</source>
        <translation>Seçili kullanıcının her yerdeki oturumunu kapatın; koltuğu boşa çıkar.</translation>
    </message>
    <message>
        <source>Log {email} out ({count} sessions)? Unsaved work on their side is lost.</source>
        <translation>{email} oturumu kapatılsın mı ({count} oturum)? Onun tarafında kaydedilmemiş işler kaybolur.</translation>
    </message>
    <message>
        <source>Logged in since</source>
        <translation>Giriş zamanı</translation>
    </message>
    <message>
        <source>New license…</source>
        <translation>Yeni lisans…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Yeniden etkinleştir</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Yenile…</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Koltuk</translation>
    </message>
    <message>
        <source>Seats in use</source>
        <translation>Kullanılan koltuklar</translation>
    </message>
    <message>
        <source>Select who to log out first.</source>
        <translation>Önce oturumu kapatılacak kişiyi seçin.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Oturumlar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Askıya al</translation>
    </message>
    <message>
        <source>That is your own session; log out instead.</source>
        <translation>Bu sizin kendi oturumunuz; bunun yerine çıkış yapın.</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Kullanılan</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Kullanıcı</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Nereden</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>süresi doldu</translation>
    </message>
    <message>
        <source>in force, {days} days left</source>
        <translation>geçerli, {days} gün kaldı</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>başlamadı</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>askıda</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>{email} was logged out.</source>
        <translation>{email} oturumu kapatıldı.</translation>
    </message>
</context>
<context>
    <name>Licensing</name>
    <message>
        <source> or </source>
        <translation> veya </translation>
    </message>
    <message>
        <source>#{id} ({days} d, {users} users)</source>
        <translation>#{id} ({days} gün, {users} kullanıcı)</translation>
    </message>
    <message>
        <source>; {count} expiry warnings sent</source>
        <translation>; {count} süre sonu uyarısı gönderildi</translation>
    </message>
    <message>
        <source>; {count} invoices overdue</source>
        <translation>; {count} faturanın vadesi geçti</translation>
    </message>
    <message>
        <source>A license can be set to {statuses} by hand, not &apos;{status}&apos;.</source>
        <translation>Bir lisans elle yalnızca şu durumlara getirilebilir: {statuses}; &apos;{status}&apos; olamaz.</translation>
    </message>
    <message>
        <source>A license needs at least 1 seat (got {seats}).</source>
        <translation>Bir lisansın en az 1 koltuğu olmalıdır ({seats} girildi).</translation>
    </message>
    <message>
        <source>A license term is at most five years; check the end date.</source>
        <translation>Bir lisans süresi en fazla beş yıldır; bitiş tarihini kontrol edin.</translation>
    </message>
    <message>
        <source>A paid license cannot become a trial.</source>
        <translation>Ücretli bir lisans deneme lisansına dönüştürülemez.</translation>
    </message>
    <message>
        <source>A {plan} license has at most {limit} seats (got {seats}).</source>
        <translation>Bir {plan} lisansında en fazla {limit} koltuk olabilir ({seats} girildi).</translation>
    </message>
    <message>
        <source>Adaptive clearing</source>
        <translation>Adaptif boşaltma</translation>
    </message>
    <message>
        <source>CAM toolpaths and G-code</source>
        <translation>CAM takım yolları ve G kodu</translation>
    </message>
    <message>
        <source>ERP/MES synchronisation</source>
        <translation>ERP/MES eşitlemesi</translation>
    </message>
    <message>
        <source>License #{id} ({plan}) is active from {starts} to {ends}, which overlaps; change or renew that license instead of adding another.</source>
        <translation>Lisans #{id} ({plan}) {starts} ile {ends} arasında etkin ve bu dönemle çakışıyor; başka bir lisans eklemek yerine o lisansı değiştirin veya yenileyin.</translation>
    </message>
    <message>
        <source>License #{id} already runs until {ends}; a renewal ends later.</source>
        <translation>Lisans #{id} zaten {ends} tarihine kadar geçerli; yenileme daha sonra bitmelidir.</translation>
    </message>
    <message>
        <source>License #{id} ended on {ends}; renew it instead.</source>
        <translation>Lisans #{id} {ends} tarihinde bitti; bunun yerine lisansı yenileyin.</translation>
    </message>
    <message>
        <source>License #{id} is {status}; it cannot become {wanted}.</source>
        <translation>Lisans #{id} {status}; &apos;{wanted}&apos; durumuna geçemez.</translation>
    </message>
    <message>
        <source>License #{id} was cancelled; add a new license instead.</source>
        <translation>Lisans #{id} iptal edildi; bunun yerine yeni bir lisans ekleyin.</translation>
    </message>
    <message>
        <source>License expiry runs with the database owner&apos;s or a worker&apos;s credentials (`cncworkbench license expiry`).</source>
        <translation>Lisans süre sonu işlemi, veritabanı sahibinin veya bir işleyicinin kimlik bilgileriyle çalışır (`cncworkbench license expiry`).</translation>
    </message>
    <message>
        <source>Program simulation</source>
        <translation>Program simülasyonu</translation>
    </message>
    <message>
        <source>The feature &apos;{key}&apos; must be true or false.</source>
        <translation>&apos;{key}&apos; özelliği true veya false olmalıdır.</translation>
    </message>
    <message>
        <source>The license would end ({ends} UTC) before it starts ({starts} UTC).</source>
        <translation>Lisans, başlamadan ({starts} UTC) önce bitecekti ({ends} UTC).</translation>
    </message>
    <message>
        <source>The license would end ({ends} UTC) in the past; give a later end.</source>
        <translation>Lisans geçmişte bitecekti ({ends} UTC); daha ileri bir bitiş verin.</translation>
    </message>
    <message>
        <source>The limit &apos;{key}&apos; must be a whole number from 0 to 100000, or empty for no limit.</source>
        <translation>&apos;{key}&apos; sınırı 0 ile 100000 arasında bir tam sayı olmalı ya da sınırsız için boş bırakılmalıdır.</translation>
    </message>
    <message>
        <source>The number of seats must be a whole number.</source>
        <translation>Koltuk sayısı bir tam sayı olmalıdır.</translation>
    </message>
    <message>
        <source>The {plan} license #{id} ({seats} seats) ends on {when} (Istanbul time). Renew it to keep {features}.</source>
        <translation>{plan} lisansı #{id} ({seats} koltuk) {when} tarihinde (İstanbul saati) bitiyor. {features} özelliklerini kullanmaya devam etmek için lisansı yenileyin.</translation>
    </message>
    <message>
        <source>There is no active administrator to hold the license; name one.</source>
        <translation>Lisansın sahibi olacak etkin bir yönetici yok; bir lisans sahibi belirtin.</translation>
    </message>
    <message>
        <source>There is no active user with id {id} to hold the license.</source>
        <translation>Lisansın sahibi olacak {id} kimlikli etkin bir kullanıcı yok.</translation>
    </message>
    <message>
        <source>There is no license #{id}.</source>
        <translation>Lisans #{id} yok.</translation>
    </message>
    <message>
        <source>There is no session #{id}.</source>
        <translation>Oturum #{id} yok.</translation>
    </message>
    <message>
        <source>This installation has had a license already (#{id}); a trial is only for a new installation.</source>
        <translation>Bu kurulumda daha önce bir lisans vardı (#{id}); deneme lisansı yalnızca yeni bir kurulum içindir.</translation>
    </message>
    <message>
        <source>Unknown feature &apos;{key}&apos;; known: {known}.</source>
        <translation>Bilinmeyen özellik &apos;{key}&apos;; bilinenler: {known}.</translation>
    </message>
    <message>
        <source>Unknown license type &apos;{type}&apos;; use one of {types}.</source>
        <translation>Bilinmeyen lisans türü &apos;{type}&apos;; şunlardan birini kullanın: {types}.</translation>
    </message>
    <message>
        <source>Using {count} {noun} needs a license in force ({why}); the {plans} plan allows that.</source>
        <translation>{count} {noun} kullanmak için geçerli bir lisans gerekir ({why}); {plans} planı buna izin verir.</translation>
    </message>
    <message>
        <source>Your license ends in {days} days</source>
        <translation>Lisansınız {days} gün içinde bitiyor</translation>
    </message>
    <message>
        <source>Your license ends tomorrow</source>
        <translation>Lisansınız yarın bitiyor</translation>
    </message>
    <message>
        <source>Your {plan} license allows {allowed} {noun} and this would make {count}; the {plans} plan allows that.</source>
        <translation>{plan} lisansınız {allowed} {noun} kullanımına izin veriyor, bununla {count} olacaktı; {plans} planı buna izin verir.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>sınırsız</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>süresi doldu</translation>
    </message>
    <message>
        <source>license #{id} expired on {when}</source>
        <translation>lisans #{id} {when} tarihinde sona erdi</translation>
    </message>
    <message>
        <source>license #{id} is suspended</source>
        <translation>lisans #{id} askıda</translation>
    </message>
    <message>
        <source>license #{id} starts on {when}</source>
        <translation>lisans #{id} {when} tarihinde başlıyor</translation>
    </message>
    <message>
        <source>license #{id} was cancelled</source>
        <translation>lisans #{id} iptal edildi</translation>
    </message>
    <message>
        <source>machines</source>
        <translation>tezgah</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>başlamadı</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>askıda</translation>
    </message>
    <message>
        <source>there is none</source>
        <translation>hiç lisans yok</translation>
    </message>
    <message>
        <source>using the workbench</source>
        <translation>CNC Workbench</translation>
    </message>
    <message>
        <source>{count} licenses expired</source>
        <translation>{count} lisansın süresi doldu</translation>
    </message>
    <message>
        <source>{feature} is not part of your {plan} license; the {plans} plan unlocks it.</source>
        <translation>{feature}, {plan} lisansınıza dahil değil; {plans} planı bunu açar.</translation>
    </message>
    <message>
        <source>{feature} needs a license in force ({why}); the {plans} plan unlocks it.</source>
        <translation>{feature} için geçerli bir lisans gerekir ({why}); {plans} planı bunu açar.</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Açıklama</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Miktar</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Birim fiyat</translation>
    </message>
</context>
<context>
    <name>LocalCopies</name>
    <message>
        <source>In sync with version {version} (the newest).</source>
        <translation>Sürüm {version} ile eşit (en yeni sürüm).</translation>
    </message>
    <message>
        <source>Modified here since version {version}, and version {newest} is newer on the server.</source>
        <translation>Sürüm {version} alındıktan sonra burada değiştirildi ve sunucuda daha yeni sürüm {newest} var.</translation>
    </message>
    <message>
        <source>Modified here since version {version}; upload it as a new version.</source>
        <translation>Sürüm {version} alındıktan sonra burada değiştirildi; yeni sürüm olarak yükleyin.</translation>
    </message>
    <message>
        <source>Not stored on the server yet.</source>
        <translation>Henüz sunucuda kayıtlı değil.</translation>
    </message>
    <message>
        <source>The local file is gone.</source>
        <translation>Yerel dosya artık yok.</translation>
    </message>
    <message>
        <source>The model name &apos;{name}&apos; cannot be used as a file name.</source>
        <translation>&apos;{name}&apos; model adı dosya adı olarak kullanılamaz.</translation>
    </message>
    <message>
        <source>Version {version}; version {newest} is newer on the server.</source>
        <translation>Sürüm {version}; sunucuda daha yeni sürüm {newest} var.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Yöneticiyi oluştur</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>Yönetici hesabını oluşturun</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <source>E-mail or mobile:</source>
        <translation>E-posta ya da cep:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-posta:</translation>
    </message>
    <message>
        <source>End selected session</source>
        <translation>Seçili oturumu sonlandır</translation>
    </message>
    <message>
        <source>Enter your e-mail address or mobile number and your password.</source>
        <translation>E-posta adresinizi ya da cep telefonu numaranızı ve parolanızı girin.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <source>Log in with your e-mail address or mobile number and your password.</source>
        <translation>E-posta adresiniz ya da cep telefonu numaranız ve parolanızla giriş yapın.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Çıkış yap</translation>
    </message>
    <message>
        <source>Log out another device</source>
        <translation>Başka bir cihazın oturumunu kapatın</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Giriş yapıldı</translation>
    </message>
    <message>
        <source>Logged in as {email} ({role}).</source>
        <translation>{email} ({role}) olarak giriş yapıldı.</translation>
    </message>
    <message>
        <source>My sessions</source>
        <translation>Oturumlarım</translation>
    </message>
    <message>
        <source>Not connected to the database yet.</source>
        <translation>Veritabanına henüz bağlanılmadı.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Parola:</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Bu bilgisayarda beni hatırla</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Parola (tekrar):</translation>
    </message>
    <message>
        <source>Select the session to end.</source>
        <translation>Sonlandırılacak oturumu seçin.</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>That is this computer&apos;s session: use Log out.</source>
        <translation>Bu, bu bilgisayarın oturumu: Çıkış yap&apos;ı kullanın.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>İki parola birbirini tutmuyor.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Bu bilgisayar</translation>
    </message>
    <message>
        <source>This computer remembers the login.</source>
        <translation>Bu bilgisayar girişi hatırlıyor.</translation>
    </message>
    <message>
        <source>This installation has no users yet. Create the administrator account; the administrator then adds engineers and operators.</source>
        <translation>Bu kurulumda henüz kullanıcı yok. Yönetici hesabını oluşturun; mühendisleri ve operatörleri ardından yönetici ekler.</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>local</source>
        <translation>yerel</translation>
    </message>
    <message>
        <source>name@company.com or 0532 123 45 67</source>
        <translation>ad@firma.com ya da 0532 123 45 67</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>bilinmiyor</translation>
    </message>
</context>
<context>
    <name>MachineTypes</name>
    <message>
        <source>lathe</source>
        <translation>torna tezgahı</translation>
    </message>
    <message>
        <source>mill</source>
        <translation>freze tezgahı</translation>
    </message>
    <message>
        <source>router</source>
        <translation>router tezgahı</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CNC Workbench</source>
        <translation>CNC Workbench</translation>
    </message>
    <message>
        <source>Connected: {where}; files in {store}</source>
        <translation>Bağlı: {where}; dosyalar: {store}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Bağlanıyor…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Bağlı değil</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Giriş yapılmadı</translation>
    </message>
    <message>
        <source>embedded database</source>
        <translation>gömülü veritabanı</translation>
    </message>
    <message>
        <source>shared database</source>
        <translation>ortak veritabanı</translation>
    </message>
</context>
<context>
    <name>MaterialCategories</name>
    <message>
        <source>aluminium</source>
        <translation>alüminyum</translation>
    </message>
    <message>
        <source>cast iron</source>
        <translation>dökme demir</translation>
    </message>
    <message>
        <source>copper alloy</source>
        <translation>bakır alaşımı</translation>
    </message>
    <message>
        <source>plastic</source>
        <translation>plastik</translation>
    </message>
    <message>
        <source>stainless</source>
        <translation>paslanmaz çelik</translation>
    </message>
    <message>
        <source>steel</source>
        <translation>çelik</translation>
    </message>
    <message>
        <source>titanium</source>
        <translation>titanyum</translation>
    </message>
    <message>
        <source>wood composite</source>
        <translation>ahşap kompozit</translation>
    </message>
</context>
<context>
    <name>Migrate</name>
    <message>
        <source>The schema upgrade stopped at revision {revision}: the step to {step} failed ({reason}) and was rolled back; finished steps are kept. Fix the cause and run `cncworkbench db upgrade` again.</source>
        <translation>Şema yükseltmesi {revision} sürümünde durdu: {step} adımı başarısız oldu ({reason}) ve geri alındı; tamamlanan adımlar korunur. Nedeni giderip `cncworkbench db upgrade` komutunu yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>The schema upgrade was interrupted at revision {revision} ({reason}); finished steps are kept, the unfinished one was rolled back. Run `cncworkbench db upgrade` again once the database answers.</source>
        <translation>Şema yükseltmesi {revision} sürümünde kesildi ({reason}); tamamlanan adımlar korundu, yarım kalan adım geri alındı. Veritabanı yanıt verdiğinde `cncworkbench db upgrade` komutunu yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>The schema upgrade was stopped at revision {revision}; the unfinished step was rolled back. Run `cncworkbench db upgrade` again to finish it.</source>
        <translation>Şema yükseltmesi {revision} sürümünde durduruldu; yarım kalan adım geri alındı. Tamamlamak için `cncworkbench db upgrade` komutunu yeniden çalıştırın.</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>&apos;{file}&apos; contains a {found} file, not {expected} as its extension says.</source>
        <translation>&apos;{file}&apos; uzantısının söylediği gibi {expected} değil, bir {found} dosyası içeriyor.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has a facet without three vertices.</source>
        <translation>&apos;{file}&apos; dosyasında üç köşesi olmayan bir yüzey var.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has a vertex that is not a number.</source>
        <translation>&apos;{file}&apos; dosyasında sayı olmayan bir köşe var.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is a truncated ASCII STL file (no endsolid).</source>
        <translation>&apos;{file}&apos; yarım kalmış bir ASCII STL dosyası (endsolid yok).</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is a truncated STEP file (it does not end with END-ISO-10303-21;).</source>
        <translation>&apos;{file}&apos; yarım kalmış bir STEP dosyası (END-ISO-10303-21; ile bitmiyor).</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is a zip file but not a FreeCAD document.</source>
        <translation>&apos;{file}&apos; bir zip dosyası ama FreeCAD belgesi değil.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is damaged: &apos;{member}&apos; inside it fails its CRC check.</source>
        <translation>&apos;{file}&apos; bozuk: içindeki &apos;{member}&apos; CRC kontrolünden geçmiyor.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is empty (0 bytes).</source>
        <translation>&apos;{file}&apos; boş (0 bayt).</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a model file this platform keeps (FCStd, STEP/STP or STL).</source>
        <translation>&apos;{file}&apos; bu platformun sakladığı bir model dosyası değil (FCStd, STEP/STP ya da STL).</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a readable FCStd (zip) file: {error}.</source>
        <translation>&apos;{file}&apos; okunabilir bir FCStd (zip) dosyası değil: {error}.</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a {format} file (its content is not).</source>
        <translation>&apos;{file}&apos; bir {format} dosyası değil (içeriği değil).</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is {size} MB; the limit is {limit} MB.</source>
        <translation>&apos;{file}&apos; {size} MB; sınır {limit} MB.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not exist or is not a file.</source>
        <translation>&apos;{path}&apos; yok ya da bir dosya değil.</translation>
    </message>
    <message>
        <source>The mesh has coordinates that are not finite numbers.</source>
        <translation>Ağda sonlu sayı olmayan koordinatlar var.</translation>
    </message>
    <message>
        <source>The mesh has no triangles.</source>
        <translation>Ağda hiç üçgen yok.</translation>
    </message>
</context>
<context>
    <name>ModelTypes</name>
    <message>
        <source>assembly</source>
        <translation>montaj</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>teknik resim</translation>
    </message>
    <message>
        <source>part</source>
        <translation>parça</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>&apos;{file}&apos; changed while it was being uploaded; try again.</source>
        <translation>&apos;{file}&apos; yüklenirken değişti; yeniden deneyin.</translation>
    </message>
    <message>
        <source>Identical to version {version} of &apos;{name}&apos; (same SHA-256): nothing new was stored.</source>
        <translation>&apos;{name}&apos; modelinin {version}. sürümüyle aynı (aynı SHA-256): yeni bir şey kaydedilmedi.</translation>
    </message>
    <message>
        <source>Its size and thumbnail are pending: job {job} measures the mesh.</source>
        <translation>Boyutu ve küçük resmi hazırlanıyor: {job} numaralı iş ağı ölçüyor.</translation>
    </message>
    <message>
        <source>Model {id} and all its versions are deleted.</source>
        <translation>Model {id} ve tüm sürümleri silinmiş.</translation>
    </message>
    <message>
        <source>Someone stored version {version} of &apos;{name}&apos; while you uploaded; upload again to make the next version.</source>
        <translation>Siz yüklerken başka biri &apos;{name}&apos; modelinin {version}. sürümünü kaydetti; sonraki sürümü oluşturmak için yeniden yükleyin.</translation>
    </message>
    <message>
        <source>Stored &apos;{name}&apos; version {version} ({size} bytes).</source>
        <translation>&apos;{name}&apos; sürüm {version} kaydedildi ({size} bayt).</translation>
    </message>
    <message>
        <source>The project &apos;{name}&apos; is archived; reopen it first.</source>
        <translation>&apos;{name}&apos; projesi arşivlenmiş; önce yeniden açın.</translation>
    </message>
    <message>
        <source>There is no model {id}.</source>
        <translation>{id} numaralı model yok.</translation>
    </message>
    <message>
        <source>Unknown model type &apos;{type}&apos;; one of {types}.</source>
        <translation>Bilinmeyen model türü &apos;{type}&apos;; şunlardan biri olmalı: {types}.</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>A negative amount cannot be written in words on an invoice.</source>
        <translation>Negatif bir tutar faturada yazıyla yazılamaz.</translation>
    </message>
    <message>
        <source>An invoice has at most {count} lines.</source>
        <translation>Bir faturada en fazla {count} satır olabilir.</translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation>Bir faturada en az bir satır olmalıdır.</translation>
    </message>
    <message>
        <source>KDV rate</source>
        <translation>KDV oranı</translation>
    </message>
    <message>
        <source>The KDV rate {rate} % is not one in force; use {allowed}.</source>
        <translation>%{rate} KDV oranı yürürlükte değil; şunlardan birini kullanın: {allowed}.</translation>
    </message>
    <message>
        <source>The invoice comes to zero; there is nothing to invoice.</source>
        <translation>Fatura tutarı sıfır; faturalanacak bir şey yok.</translation>
    </message>
    <message>
        <source>The invoice total {total} is above the limit of {limit}; split it or check for a typing error.</source>
        <translation>Fatura toplamı {total}, {limit} sınırının üzerinde; faturayı bölün veya yazım hatası olup olmadığını kontrol edin.</translation>
    </message>
    <message>
        <source>The line &apos;{description}&apos; comes to {amount}, above the limit of {limit}.</source>
        <translation>&apos;{description}&apos; satırı {amount} tutuyor; bu, {limit} sınırının üzerinde.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero (got {quantity}).</source>
        <translation>Miktar sıfırdan büyük olmalıdır ({quantity} girildi).</translation>
    </message>
    <message>
        <source>The quantity {quantity} has more than {places} decimal places.</source>
        <translation>{quantity} miktarı {places} ondalık basamaktan fazlasını içeriyor.</translation>
    </message>
    <message>
        <source>The quantity {quantity} is above the limit of {limit}.</source>
        <translation>{quantity} miktarı {limit} sınırının üzerinde.</translation>
    </message>
    <message>
        <source>The {what} &apos;{text}&apos; is ambiguous (thousands separator or decimal mark?); write it without thousands separators, e.g. 1234 or 1234,5.</source>
        <translation>{what} &apos;{text}&apos; belirsiz (binlik ayırıcı mı, ondalık işareti mi?); binlik ayırıcı kullanmadan yazın, örneğin 1234 veya 1234,5.</translation>
    </message>
    <message>
        <source>The {what} &apos;{text}&apos; is not a number.</source>
        <translation>{what} &apos;{text}&apos; bir sayı değil.</translation>
    </message>
    <message>
        <source>The {what} contains control characters.</source>
        <translation>{what} kontrol karakterleri içeriyor.</translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation>{what} boş.</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit} characters.</source>
        <translation>{what} {limit} karakterden uzun.</translation>
    </message>
    <message>
        <source>The {what} must be a finite number.</source>
        <translation>{what} sonlu bir sayı olmalıdır.</translation>
    </message>
    <message>
        <source>The {what} must be more than zero.</source>
        <translation>{what} sıfırdan büyük olmalıdır.</translation>
    </message>
    <message>
        <source>The {what} must not be negative (got {amount}).</source>
        <translation>{what} negatif olamaz ({amount} girildi).</translation>
    </message>
    <message>
        <source>The {what} {amount} has more than {places} decimal places.</source>
        <translation>{what} {amount}, {places} ondalık basamaktan fazlasını içeriyor.</translation>
    </message>
    <message>
        <source>The {what} {amount} is above the limit of {limit}; check for a typing error.</source>
        <translation>{what} {amount}, {limit} sınırının üzerinde; yazım hatası olup olmadığını kontrol edin.</translation>
    </message>
    <message>
        <source>Unknown currency &apos;{code}&apos;; use TRY, USD or EUR.</source>
        <translation>Bilinmeyen para birimi &apos;{code}&apos;; TRY, USD veya EUR kullanın.</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>tutar</translation>
    </message>
    <message>
        <source>fee</source>
        <translation>kesinti</translation>
    </message>
    <message>
        <source>line description</source>
        <translation>satır açıklaması</translation>
    </message>
    <message>
        <source>payment amount</source>
        <translation>ödeme tutarı</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>miktar</translation>
    </message>
    <message>
        <source>refund amount</source>
        <translation>iade tutarı</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>birim</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>birim fiyat</translation>
    </message>
    <message>
        <source>{rate} %</source>
        <translation>%{rate}</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>Connect to the database and file store again</source>
        <translation>Veritabanına ve dosya deposuna yeniden bağlan</translation>
    </message>
    <message>
        <source>Connecting to the database and file store…</source>
        <translation>Veritabanına ve dosya deposuna bağlanılıyor…</translation>
    </message>
    <message>
        <source>Log in to see this panel.</source>
        <translation>Bu paneli görmek için giriş yapın.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} bayt</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>CAM Setup</source>
        <translation>CAM Bağlama</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>İşler</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Giriş</translation>
    </message>
    <message>
        <source>Projects &amp; Models</source>
        <translation>Projeler ve Modeller</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>Simulation Review</source>
        <translation>Simülasyon İnceleme</translation>
    </message>
</context>
<context>
    <name>PayloadDialog</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Denemeler:</translation>
    </message>
    <message>
        <source>Exchange #{id}</source>
        <translation>Aktarım #{id}</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>None: the orders were imported, not sent.</source>
        <translation>Yok: siparişler aktarıldı, gönderilmedi.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Payload (JSON):</source>
        <translation>İçerik (JSON):</translation>
    </message>
    <message>
        <source>Request headers (secrets never shown):</source>
        <translation>İstek başlıkları (gizli bilgiler hiç gösterilmez):</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>teslim edildi</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>kaynak: {source}</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>not acknowledged yet</source>
        <translation>henüz onaylanmadı</translation>
    </message>
    <message>
        <source>retry requested by {who}</source>
        <translation>yeniden denemeyi {who} istedi</translation>
    </message>
    <message>
        <source>{system} calls it {id}</source>
        <translation>{system} içindeki adı {id}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Amount ({currency}):</source>
        <translation>Tutar ({currency}):</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Havale/EFT</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Fee ({currency}):</source>
        <translation>Komisyon ({currency}):</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Yöntem:</translation>
    </message>
    <message>
        <source>Payment of {amount} recorded for {number}.</source>
        <translation>{number} için {amount} tutarında ödeme kaydedildi.</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Sağlayıcı:</translation>
    </message>
    <message>
        <source>Record payment for {number}</source>
        <translation>{number} için ödeme kaydet</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referans:</translation>
    </message>
    <message>
        <source>Still owed:</source>
        <translation>Kalan borç:</translation>
    </message>
    <message>
        <source>The bank&apos;s or card provider&apos;s transaction id</source>
        <translation>Bankanın ya da kart sağlayıcısının işlem numarası</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <source>The invoice could not be drawn: {reason}</source>
        <translation>Fatura çizilemedi: {reason}</translation>
    </message>
    <message>
        <source>The quote could not be drawn: {reason}</source>
        <translation>Teklif çizilemedi: {reason}</translation>
    </message>
    <message>
        <source>The setup sheet could not be drawn: {reason}</source>
        <translation>Bağlama föyü çizilemedi: {reason}</translation>
    </message>
    <message>
        <source>The simulation report could not be drawn: {reason}</source>
        <translation>Simülasyon raporu çizilemedi: {reason}</translation>
    </message>
    <message>
        <source>The {what} could not be drawn: {reason}</source>
        <translation>{what} çizilemedi: {reason}</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>ileti yok</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source> or </source>
        <translation> veya </translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Önce giriş yapın.</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}; that needs the role {roles}.</source>
        <translation>Rolünüzün ({role}) {action} yetkisi yok; bunun için {roles} rolü gerekir.</translation>
    </message>
    <message>
        <source>approve or reject simulated runs</source>
        <translation>simüle edilmiş çalıştırmaları onaylama veya reddetme</translation>
    </message>
    <message>
        <source>create and change CAM setups</source>
        <translation>CAM bağlaması oluşturma ve değiştirme</translation>
    </message>
    <message>
        <source>create, rename and archive projects</source>
        <translation>proje oluşturma, yeniden adlandırma ve arşivleme</translation>
    </message>
    <message>
        <source>delete models</source>
        <translation>modelleri silme</translation>
    </message>
    <message>
        <source>delete projects</source>
        <translation>projeleri silme</translation>
    </message>
    <message>
        <source>download job results (G-code, reports)</source>
        <translation>iş sonuçlarını indirme (G kodu, raporlar)</translation>
    </message>
    <message>
        <source>manage ERP/MES integrations</source>
        <translation>ERP/MES entegrasyonlarını yönetme</translation>
    </message>
    <message>
        <source>manage invoices and payments</source>
        <translation>faturaları ve ödemeleri yönetme</translation>
    </message>
    <message>
        <source>manage licenses and seats</source>
        <translation>lisansları ve koltukları yönetme</translation>
    </message>
    <message>
        <source>manage machines, tools and materials</source>
        <translation>tezgahları, takımları ve malzemeleri yönetme</translation>
    </message>
    <message>
        <source>manage users and roles</source>
        <translation>kullanıcıları ve rolleri yönetme</translation>
    </message>
    <message>
        <source>read and verify the audit trail</source>
        <translation>denetim kaydını okuma ve doğrulama</translation>
    </message>
    <message>
        <source>run CAM and post G-code</source>
        <translation>CAM çalıştırma ve G kodunu post etme</translation>
    </message>
    <message>
        <source>see CAM runs and G-code</source>
        <translation>CAM çalıştırmalarını ve G kodunu görme</translation>
    </message>
    <message>
        <source>see CAM setups</source>
        <translation>CAM bağlamalarını görme</translation>
    </message>
    <message>
        <source>see and resolve security events</source>
        <translation>güvenlik olaylarını görme ve çözme</translation>
    </message>
    <message>
        <source>see everyone&apos;s jobs</source>
        <translation>herkesin işlerini görme</translation>
    </message>
    <message>
        <source>see machines, tools and materials</source>
        <translation>tezgahları, takımları ve malzemeleri görme</translation>
    </message>
    <message>
        <source>see models and their versions</source>
        <translation>modelleri ve sürümlerini görme</translation>
    </message>
    <message>
        <source>see projects</source>
        <translation>projeleri görme</translation>
    </message>
    <message>
        <source>see simulated runs</source>
        <translation>simüle edilmiş çalıştırmaları görme</translation>
    </message>
    <message>
        <source>see the license</source>
        <translation>lisansı görme</translation>
    </message>
    <message>
        <source>submit jobs and cancel their own</source>
        <translation>iş gönderme ve kendi işlerini iptal etme</translation>
    </message>
    <message>
        <source>upload models and versions</source>
        <translation>model ve sürüm yükleme</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>CAM run:</source>
        <translation>CAM çalışması:</translation>
    </message>
    <message>
        <source>Checking the machine against the program…</source>
        <translation>Tezgah programa göre kontrol ediliyor…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrol ediliyor…</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Tezgah:</translation>
    </message>
    <message>
        <source>Pick a CAM run and a machine.</source>
        <translation>Bir CAM çalışması ve bir tezgah seçin.</translation>
    </message>
    <message>
        <source>Pick the model version whose CAM run to post (Stock &amp;&amp; holding tab).</source>
        <translation>CAM çalışması post edilecek model sürümünü seçin (Ham parça &amp;&amp; bağlama sekmesi).</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post et</translation>
    </message>
    <message>
        <source>Post for another machine</source>
        <translation>Başka tezgaha post et</translation>
    </message>
    <message>
        <source>Post job #{id} queued: follow it in the Jobs panel.</source>
        <translation>Post işi #{id} sıraya alındı: İşler panelinden izleyin.</translation>
    </message>
    <message>
        <source>The toolpaths of a CAM run are posted again with another machine&apos;s post-processor and work offset, without recomputing them. The new program is checked like any other and gets its own CAM run.</source>
        <translation>Bir CAM çalışmasının takım yolları, yeniden hesaplanmadan başka bir tezgahın post-işlemcisi ve sıfır noktasıyla yeniden post edilir. Yeni program diğerleri gibi kontrol edilir ve kendi CAM çalışmasını alır.</translation>
    </message>
    <message>
        <source>This model version has no CAM run to post again: run CAM first.</source>
        <translation>Bu model sürümünün yeniden post edilecek CAM çalışması yok: önce CAM çalıştırın.</translation>
    </message>
    <message>
        <source>Work offset:</source>
        <translation>Sıfır noktası:</translation>
    </message>
    <message>
        <source>{machine} cannot run this program:</source>
        <translation>{machine} bu programı çalıştıramaz:</translation>
    </message>
    <message>
        <source>✓ {machine} can run this program ({post} post, {offset}).</source>
        <translation>✓ {machine} bu programı çalıştırabilir ({post} post, {offset}).</translation>
    </message>
</context>
<context>
    <name>PostFixes</name>
    <message>
        <source>Grbl has no tool changer: the post comments M6 out, so the program would cut on with the wrong tool. Each of the {count} tool change(s) now stops the spindle and pauses (M5 M0) for the operator.</source>
        <translation>Grbl&apos;de takım değiştirici yok: post-işlemci M6&apos;yı yoruma çeviriyor, bu yüzden program yanlış takımla kesmeye devam ederdi. {count} takım değişiminin her biri artık iş milini durdurup operatör için bekliyor (M5 M0).</translation>
    </message>
    <message>
        <source>Moved the spindle start (M{m}) after the first TOOL CALL: the heidenhain post starts the spindle before the tool is called.</source>
        <translation>İş mili başlatma (M{m}) ilk TOOL CALL satırının sonrasına taşındı: heidenhain post-işlemcisi iş milini takım çağrılmadan önce başlatıyor.</translation>
    </message>
    <message>
        <source>Named the program {name} in BEGIN PGM and END PGM (the heidenhain post leaves the name out, which a TNC refuses).</source>
        <translation>Program BEGIN PGM ve END PGM satırlarında {name} olarak adlandırıldı (heidenhain post-işlemcisi adı yazmıyor, bir TNC bunu reddeder).</translation>
    </message>
    <message>
        <source>Removed the word for the axis normal to the arc plane (K on G17 arcs) from {count} arc line(s): the {post} post writes it, LinuxCNC and Grbl reject it.</source>
        <translation>Yay düzlemine dik eksenin kelimesi (G17 yaylarında K) {count} yay satırından kaldırıldı: {post} post-işlemcisi bunu yazıyor, LinuxCNC ve Grbl ise reddediyor.</translation>
    </message>
    <message>
        <source>Removed {count} bare &apos;M&apos; word(s) without a number that the heidenhain post writes at line ends (a TNC rejects them).</source>
        <translation>heidenhain post-işlemcisinin satır sonlarına yazdığı numarasız {count} &apos;M&apos; kelimesi kaldırıldı (TNC bunları reddeder).</translation>
    </message>
    <message>
        <source>Repeated the R plane (and peck Q) on {count} drilling-cycle line(s) that follow a G0: the {post} post leaves them out, but a G0 ends the cycle and a control (Fanuc, LinuxCNC) then needs R and Q again.</source>
        <translation>G0&apos;dan sonra gelen {count} delme çevrimi satırında R düzlemi (ve kademeli delme Q&apos;su) tekrarlandı: {post} post-işlemcisi bunları yazmıyor, ama G0 çevrimi bitirir ve kontrol ünitesi (Fanuc, LinuxCNC) R ile Q&apos;yu yeniden ister.</translation>
    </message>
    <message>
        <source>Replaced the fanuc post&apos;s placeholder program-name line with &apos;{line}&apos; (a Fanuc control rejects the file name as a block).</source>
        <translation>fanuc post-işlemcisinin yer tutucu program adı satırı &apos;{line}&apos; ile değiştirildi (Fanuc kontrol ünitesi dosya adını blok olarak reddeder).</translation>
    </message>
    <message>
        <source>Rewrote {count} line(s) of the centroid post&apos;s ending: M25 (Z home) as G53 G0 Z0, G49 H0 as G49, and M99 as M30 (end of program), which Centroid and LinuxCNC-dialect controls all read.</source>
        <translation>centroid post-işlemcisinin program sonundaki {count} satır yeniden yazıldı: M25 (Z referansa) G53 G0 Z0, G49 H0 G49 ve M99 M30 (program sonu) oldu; bunları Centroid ve LinuxCNC lehçesindeki tüm kontrol üniteleri okur.</translation>
    </message>
    <message>
        <source>Turned the uccnc post&apos;s first line &apos;{line}&apos; into a comment: UCCNC needs no program-name line, and a &apos;%&apos; followed by text is refused by LinuxCNC-dialect readers.</source>
        <translation>uccnc post-işlemcisinin ilk satırı &apos;{line}&apos; açıklamaya çevrildi: UCCNC program adı satırına ihtiyaç duymaz ve ardından metin gelen &apos;%&apos; işaretini LinuxCNC lehçesindeki okuyucular reddeder.</translation>
    </message>
    <message>
        <source>Wrote the feeds of {count} line(s) in mm/min: the heidenhain post writes FreeCAD&apos;s mm/s, which a TNC would run 60 times too slow.</source>
        <translation>{count} satırın ilerlemeleri mm/dk olarak yazıldı: heidenhain post-işlemcisi FreeCAD’in mm/s değerlerini yazıyor, bir TNC bunları 60 kat yavaş çalıştırırdı.</translation>
    </message>
</context>
<context>
    <name>Projects</name>
    <message>
        <source>A project named &apos;{name}&apos; exists already.</source>
        <translation>&apos;{name}&apos; adında bir proje zaten var.</translation>
    </message>
    <message>
        <source>Create an administrator first (cncworkbench user add).</source>
        <translation>Önce bir yönetici oluşturun (cncworkbench user add).</translation>
    </message>
    <message>
        <source>The model name contains control characters.</source>
        <translation>Model adı denetim karakterleri içeriyor.</translation>
    </message>
    <message>
        <source>The model name is empty.</source>
        <translation>Model adı boş.</translation>
    </message>
    <message>
        <source>The model name is longer than {limit} characters.</source>
        <translation>Model adı {limit} karakterden uzun.</translation>
    </message>
    <message>
        <source>The project name contains control characters.</source>
        <translation>Proje adı denetim karakterleri içeriyor.</translation>
    </message>
    <message>
        <source>The project name is empty.</source>
        <translation>Proje adı boş.</translation>
    </message>
    <message>
        <source>The project name is longer than {limit} characters.</source>
        <translation>Proje adı {limit} karakterden uzun.</translation>
    </message>
    <message>
        <source>There is no project {id}.</source>
        <translation>{id} numaralı proje yok.</translation>
    </message>
</context>
<context>
    <name>QuotePdf</name>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Amounts exclude VAT (KDV). The quote is valid for 15 days.</source>
        <translation>Tutarlara KDV dahil değildir. Teklif 15 gün geçerlidir.</translation>
    </message>
    <message>
        <source>Batch total</source>
        <translation>Parti toplamı</translation>
    </message>
    <message>
        <source>Calculation</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <source>Cost items</source>
        <translation>Maliyet kalemleri</translation>
    </message>
    <message>
        <source>Cost quote</source>
        <translation>Maliyet teklifi</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Cycle time</source>
        <translation>Çevrim süresi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Kalem</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Tezgah</translation>
    </message>
    <message>
        <source>Machine time</source>
        <translation>Tezgah süresi</translation>
    </message>
    <message>
        <source>Machine, material and tool prices are from the shop&apos;s catalog; the cycle time is computed from the CAM program&apos;s moves.</source>
        <translation>Tezgah, malzeme ve takım bedelleri atölyenin katalog fiyatlarından; çevrim süresi CAM programının hareketlerinden hesaplanmıştır.</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Malzeme</translation>
    </message>
    <message>
        <source>Missing information: the quote could not be completed</source>
        <translation>Eksik bilgiler: teklif tamamlanamadı</translation>
    </message>
    <message>
        <source>Page {number} / {count}</source>
        <translation>Sayfa {number} / {count}</translation>
    </message>
    <message>
        <source>Per part</source>
        <translation>Parça başı</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Hazırlık</translation>
    </message>
    <message>
        <source>Preparation (once per batch)</source>
        <translation>Hazırlık (parti başına bir kez)</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Hazırlayan</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Adet</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Teklif</translation>
    </message>
    <message>
        <source>Raw material</source>
        <translation>Ham malzeme</translation>
    </message>
    <message>
        <source>Tool wear T{number} ({name})</source>
        <translation>Takım aşınması T{number} ({name})</translation>
    </message>
    <message>
        <source>{currency} (1 {currency} = {rate} TRY)</source>
        <translation>{currency} (1 {currency} = {rate} TL)</translation>
    </message>
    <message>
        <source>{minutes} min / batch</source>
        <translation>{minutes} dk / parti</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s / part</source>
        <translation>{minutes} dk {seconds} sn / parça</translation>
    </message>
    <message>
        <source>{part} · CAM run #{run}</source>
        <translation>{part} · CAM çalışması #{run}</translation>
    </message>
</context>
<context>
    <name>QuoteTab</name>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per part: {part}&lt;/b&gt; · batch of {n}: {batch}</source>
        <translation>&lt;b&gt;Parça başı: {part}&lt;/b&gt; · {n} adetlik parti: {batch}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Para birimi:</translation>
    </message>
    <message>
        <source>From CAM run #{run}.</source>
        <translation>CAM çalışması #{run} verisinden.</translation>
    </message>
    <message>
        <source>From the program generated here.</source>
        <translation>Burada üretilen programdan.</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Nasıl hesaplandı</translation>
    </message>
    <message>
        <source>Invoice draft</source>
        <translation>Fatura taslağı</translation>
    </message>
    <message>
        <source>Invoice draft #{id} created; issue it under Settings → Invoices.</source>
        <translation>Fatura taslağı #{id} oluşturuldu; Ayarlar → Faturalar altından kesin.</translation>
    </message>
    <message>
        <source>Language of the quote PDF</source>
        <translation>Teklif PDF&apos;inin dili</translation>
    </message>
    <message>
        <source>Missing, so no total:</source>
        <translation>Eksik olduğu için toplam yok:</translation>
    </message>
    <message>
        <source>No program yet: generate G-code or run the setup on a worker.</source>
        <translation>Henüz program yok: G kodu üretin ya da bağlamayı bir işleyicide çalıştırın.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Pick a machine and a material.</source>
        <translation>Bir tezgah ve bir malzeme seçin.</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Adet:</translation>
    </message>
    <message>
        <source>Quote PDF…</source>
        <translation>Teklif PDF&apos;i…</translation>
    </message>
    <message>
        <source>Quote saved: {path}</source>
        <translation>Teklif kaydedildi: {path}</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Kur:</translation>
    </message>
    <message>
        <source>Save the quote</source>
        <translation>Teklifi kaydet</translation>
    </message>
    <message>
        <source>Setup:</source>
        <translation>Bağlama süresi:</translation>
    </message>
    <message>
        <source>TRY per unit</source>
        <translation>Birimin TL karşılığı</translation>
    </message>
    <message>
        <source>Turn the quote into an invoice draft&apos;s line</source>
        <translation>Teklifi bir fatura taslağının satırına dönüştürün</translation>
    </message>
</context>
<context>
    <name>Quotes</name>
    <message>
        <source>CAM run {id} has no estimated cycle time.</source>
        <translation>CAM çalışması {id} için tahmini çevrim süresi yok.</translation>
    </message>
    <message>
        <source>CAM run {id} has no setup (stock, machine) to price.</source>
        <translation>CAM çalışması {id} için fiyatlandırılacak bir bağlama (ham parça, tezgah) yok.</translation>
    </message>
    <message>
        <source>CAM run {id}&apos;s stock material is not in the catalog.</source>
        <translation>CAM çalışması {id} için ham parça malzemesi katalogda yok.</translation>
    </message>
    <message>
        <source>Cost estimate: one part, {minutes} min setup</source>
        <translation>Maliyet tahmini: bir parça, {minutes} dk bağlama</translation>
    </message>
    <message>
        <source>No total: {missing}</source>
        <translation>Toplam yok: {missing}</translation>
    </message>
    <message>
        <source>The machine or the material is no longer in the catalog.</source>
        <translation>Tezgah ya da malzeme artık katalogda yok.</translation>
    </message>
    <message>
        <source>There is no CAM run {id}.</source>
        <translation>{id} numaralı CAM çalışması yok.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source> ({refunded} refunded)</source>
        <translation> ({refunded} iade edildi)</translation>
    </message>
    <message>
        <source>#{id} {ref}, {when}: {amount}</source>
        <translation>#{id} {ref}, {when}: {amount}</translation>
    </message>
    <message>
        <source>Amount ({currency}):</source>
        <translation>Tutar ({currency}):</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Ödeme:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>İade gerekçesi:</translation>
    </message>
    <message>
        <source>Refund a payment of {number}</source>
        <translation>{number} faturasının bir ödemesini iade et</translation>
    </message>
    <message>
        <source>Why the money goes back</source>
        <translation>Paranın neden iade edildiği</translation>
    </message>
    <message>
        <source>{amount} of payment #{id} refunded.</source>
        <translation>Ödeme #{id} üzerinden {amount} iade edildi.</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>License #{id} renewed until {date}.</source>
        <translation>Lisans #{id}, {date} tarihine kadar yenilendi.</translation>
    </message>
    <message>
        <source>Renew license #{id}</source>
        <translation>#{id} numaralı lisansı yenile</translation>
    </message>
    <message>
        <source>Renew until:</source>
        <translation>Yenileme bitişi:</translation>
    </message>
    <message>
        <source>Runs until:</source>
        <translation>Şu tarihe kadar geçerli:</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>#{id}, version {version}</source>
        <translation>#{id}, sürüm {version}</translation>
    </message>
    <message>
        <source>({percent} % of the stock)</source>
        <translation>(ham parçanın %{percent} kadarı)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Doğruluk</translation>
    </message>
    <message>
        <source>Adaptive clearing</source>
        <translation>Adaptif boşaltma</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Ball end mill</source>
        <translation>Küresel parmak freze</translation>
    </message>
    <message>
        <source>Bull nose end mill</source>
        <translation>Köşe radyuslu parmak freze</translation>
    </message>
    <message>
        <source>Chamfer mill</source>
        <translation>Pah frezesi</translation>
    </message>
    <message>
        <source>Coloured by depth as the top view; the numbers are the findings, placed at their height.</source>
        <translation>Üstten görünüşteki gibi derinliğe göre renklendirildi; numaralar bulgulardır, yüksekliklerine yerleştirildi.</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Kontrol ünitesi</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Cutting with the spindle stopped</source>
        <translation>İş mili dururken kesme</translation>
    </message>
    <message>
        <source>Deviation from the design</source>
        <translation>Tasarımdan sapma</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Matkap</translation>
    </message>
    <message>
        <source>Drilling</source>
        <translation>Delme</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Errors: {errors} · Warnings: {warnings}</source>
        <translation>Hata: {errors} · Uyarı: {warnings}</translation>
    </message>
    <message>
        <source>FAILED — do not run this program</source>
        <translation>BAŞARISIZ — bu programı çalıştırmayın</translation>
    </message>
    <message>
        <source>Face mill</source>
        <translation>Yüzey frezesi</translation>
    </message>
    <message>
        <source>Facing</source>
        <translation>Yüzey frezeleme</translation>
    </message>
    <message>
        <source>Feed above the machine&apos;s maximum</source>
        <translation>İlerleme tezgahın azamisinin üstünde</translation>
    </message>
    <message>
        <source>Feed mm/min</source>
        <translation>İlerleme mm/dk</translation>
    </message>
    <message>
        <source>Feed move</source>
        <translation>İlerleme hareketi</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bulgular</translation>
    </message>
    <message>
        <source>Fixture</source>
        <translation>Bağlama elemanı</translation>
    </message>
    <message>
        <source>Fixture collision</source>
        <translation>Bağlama elemanı çarpışması</translation>
    </message>
    <message>
        <source>Fixtures</source>
        <translation>Bağlama elemanları</translation>
    </message>
    <message>
        <source>Flat end mill</source>
        <translation>Düz parmak freze</translation>
    </message>
    <message>
        <source>Flute mm</source>
        <translation>Ağız mm</translation>
    </message>
    <message>
        <source>G-code</source>
        <translation>G kodu</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Oluşturulma</translation>
    </message>
    <message>
        <source>Helical milling</source>
        <translation>Helisel frezeleme</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Takım tutucu</translation>
    </message>
    <message>
        <source>Holder collision</source>
        <translation>Takım tutucu çarpışması</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Nasıl hesaplandı</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Leave mm</source>
        <translation>Pay mm</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Satır</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Tezgah</translation>
    </message>
    <message>
        <source>Machining time</source>
        <translation>İşleme süresi</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Malzeme</translation>
    </message>
    <message>
        <source>Max corner (mm)</source>
        <translation>Üst köşe (mm)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>İleti</translation>
    </message>
    <message>
        <source>Min corner (mm)</source>
        <translation>Alt köşe (mm)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>Hareket</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Bulgu yok.</translation>
    </message>
    <message>
        <source>No fixtures listed.</source>
        <translation>Bağlama elemanı yok.</translation>
    </message>
    <message>
        <source>No operations.</source>
        <translation>İşlem yok.</translation>
    </message>
    <message>
        <source>No tools.</source>
        <translation>Takım yok.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>İşlemler</translation>
    </message>
    <message>
        <source>Outside the work envelope</source>
        <translation>Çalışma alanının dışında</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>GEÇTİ</translation>
    </message>
    <message>
        <source>PASSED WITH WARNINGS</source>
        <translation>UYARILARLA GEÇTİ</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parça</translation>
    </message>
    <message>
        <source>Part size</source>
        <translation>Parça boyutu</translation>
    </message>
    <message>
        <source>Plunge mm/min</source>
        <translation>Dalma mm/dk</translation>
    </message>
    <message>
        <source>Plunge with a non-centre-cutting tool</source>
        <translation>Merkezden kesmeyen takımla dalma</translation>
    </message>
    <message>
        <source>Pocket</source>
        <translation>Cep</translation>
    </message>
    <message>
        <source>Post-processor</source>
        <translation>Post-işlemci</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Rapid into stock</source>
        <translation>Hızlı hareketle ham parçaya giriş</translation>
    </message>
    <message>
        <source>Rapid move</source>
        <translation>Hızlı hareket</translation>
    </message>
    <message>
        <source>Red: cut below the design (gouge). Blue: material left above the design, darker where thicker (darkest from {full} mm). Green: the part&apos;s surface within the tolerance. Grey: no material designed and none left.</source>
        <translation>Kırmızı: tasarımın altına kesilmiş (fazla kesme). Mavi: tasarımın üstünde kalan malzeme, kalınlaştıkça koyu ({full} mm’den itibaren en koyu). Yeşil: toleransın içindeki parça yüzeyi. Gri: tasarımda malzeme yok, kalan da yok.</translation>
    </message>
    <message>
        <source>Removed volume</source>
        <translation>Kaldırılan hacim</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Çözünürlük</translation>
    </message>
    <message>
        <source>Router bit</source>
        <translation>Router ucu</translation>
    </message>
    <message>
        <source>Setup sheet</source>
        <translation>Bağlama föyü</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Önem</translation>
    </message>
    <message>
        <source>Shank below the cut surface</source>
        <translation>Takım sapı kesme yüzeyinin altında</translation>
    </message>
    <message>
        <source>Simulation report</source>
        <translation>Simülasyon raporu</translation>
    </message>
    <message>
        <source>Simulation time</source>
        <translation>Simülasyon süresi</translation>
    </message>
    <message>
        <source>Spindle rpm</source>
        <translation>Devir dev/dk</translation>
    </message>
    <message>
        <source>Spindle speed above the maximum</source>
        <translation>Devir azaminin üstünde</translation>
    </message>
    <message>
        <source>Spot drill</source>
        <translation>Punta matkabı</translation>
    </message>
    <message>
        <source>Stepdown mm</source>
        <translation>Kademe derinliği mm</translation>
    </message>
    <message>
        <source>Stepover %</source>
        <translation>Yan adım %</translation>
    </message>
    <message>
        <source>Stick-out mm</source>
        <translation>Sarkma mm</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Ham parça</translation>
    </message>
    <message>
        <source>Stock and work holding</source>
        <translation>Ham parça ve bağlama</translation>
    </message>
    <message>
        <source>Stock min corner</source>
        <translation>Ham parça alt köşesi</translation>
    </message>
    <message>
        <source>Stock size</source>
        <translation>Ham parça boyutu</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <source>The cut stock in 3-D (isometric, from the front right)</source>
        <translation>Kesilmiş ham parça 3B (izometrik, sağ önden)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Takımlar</translation>
    </message>
    <message>
        <source>Top view of the simulated stock</source>
        <translation>Simüle edilen ham parçanın üstten görünüşü</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>Total estimated time</source>
        <translation>Tahmini toplam süre</translation>
    </message>
    <message>
        <source>Total material removal</source>
        <translation>Toplam talaş kaldırma</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>T{number} {name}: {warning}</source>
        <translation>T{number} {name}: {warning}</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Uyarı</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <source>Work offset</source>
        <translation>Sıfır noktası</translation>
    </message>
    <message>
        <source>page {number} / {count}</source>
        <translation>sayfa {number} / {count}</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} satır</translation>
    </message>
    <message>
        <source>{moment} by {person}</source>
        <translation>{moment}, {person}</translation>
    </message>
    <message>
        <source>{offset} · origin: {note}</source>
        <translation>{offset} · sıfır: {note}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (devam)</translation>
    </message>
    <message>
        <source>Ø mm</source>
        <translation>Ø mm</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>admin</source>
        <translation>yönetici</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>mühendis</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operatör</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>izleyici</translation>
    </message>
</context>
<context>
    <name>SeatChart</name>
    <message>
        <source>Loading seat usage…</source>
        <translation>Koltuk kullanımı yükleniyor…</translation>
    </message>
    <message>
        <source>No license in force: logins are not counted ({used} logged in).</source>
        <translation>Geçerli lisans yok: girişler sayılmıyor ({used} kişi içeride).</translation>
    </message>
    <message>
        <source>free</source>
        <translation>boş</translation>
    </message>
    <message>
        <source>since {when}</source>
        <translation>{when} tarihinden beri</translation>
    </message>
    <message>
        <source>{email}, since {since}</source>
        <translation>{email}, {since} tarihinden beri</translation>
    </message>
    <message>
        <source>{plan} license #{id}: {used} of {seats} seats in use, {free} free</source>
        <translation>{plan} lisans #{id}: {seats} koltuğun {used} tanesi kullanımda, {free} boş</translation>
    </message>
    <message>
        <source>{used} used / {free} free</source>
        <translation>{used} kullanımda / {free} boş</translation>
    </message>
</context>
<context>
    <name>SecurityEvents</name>
    <message>
        <source>Security event {id} is already resolved.</source>
        <translation>{id} numaralı güvenlik olayı zaten çözüldü.</translation>
    </message>
    <message>
        <source>The note is longer than {limit} characters.</source>
        <translation>Not {limit} karakterden uzun.</translation>
    </message>
    <message>
        <source>There is no security event {id}.</source>
        <translation>{id} numaralı güvenlik olayı yok.</translation>
    </message>
    <message>
        <source>Write a note saying how the event was resolved.</source>
        <translation>Olayın nasıl çözüldüğünü anlatan bir not yazın.</translation>
    </message>
</context>
<context>
    <name>SecurityEventsTab</name>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Event resolved.</source>
        <translation>Olay çözüldü.</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Çözünürlük</translation>
    </message>
    <message>
        <source>Resolve security event</source>
        <translation>Güvenlik olayını çöz</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Çöz…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Önem</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>Çözülenleri göster</translation>
    </message>
    <message>
        <source>That event is resolved already.</source>
        <translation>Bu olay zaten çözüldü.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Kullanıcı</translation>
    </message>
    <message>
        <source>What was done about it?</source>
        <translation>Bununla ilgili ne yapıldı?</translation>
    </message>
    <message>
        <source>local</source>
        <translation>yerel</translation>
    </message>
    <message>
        <source>open</source>
        <translation>açık</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Your session has ended (logged out, revoked by an administrator or expired). Log in again.</source>
        <translation>Oturumunuz sona erdi (çıkış yapıldı, bir yönetici tarafından iptal edildi veya süresi doldu). Yeniden giriş yapın.</translation>
    </message>
</context>
<context>
    <name>SettingSources</name>
    <message>
        <source>config file</source>
        <translation>yapılandırma dosyası</translation>
    </message>
    <message>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>ortam değişkeni</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Audit</source>
        <translation>Denetim</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Entegrasyonlar</translation>
    </message>
    <message>
        <source>Invoices &amp;&amp; payments</source>
        <translation>Faturalar &amp;&amp; ödemeler</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Lisanslar</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>Güvenlik olayları</translation>
    </message>
    <message>
        <source>Users &amp;&amp; roles</source>
        <translation>Kullanıcılar &amp;&amp; roller</translation>
    </message>
</context>
<context>
    <name>Setups</name>
    <message>
        <source>--leave {key}=…: name an operation by its number (1 to {count}) or kind.</source>
        <translation>--leave {key}=…: işlemi numarasıyla (1 ile {count} arası) ya da türüyle belirtin.</translation>
    </message>
    <message>
        <source>Model {id} could not be measured: {reason}</source>
        <translation>{id} numaralı model ölçülemedi: {reason}</translation>
    </message>
    <message>
        <source>Model {id} has no measured size (FreeCAD was not installed where it was uploaded): upload it again where FreeCAD is installed.</source>
        <translation>{id} numaralı modelin ölçülmüş boyutu yok (yüklendiği yerde FreeCAD kurulu değildi): FreeCAD&apos;in kurulu olduğu yerde yeniden yükleyin.</translation>
    </message>
    <message>
        <source>Model {id} is still being measured by a job after its upload; try again when `cncworkbench model show {id}` gives its size.</source>
        <translation>{id} numaralı model yüklendikten sonra hâlâ bir iş tarafından ölçülüyor; `cncworkbench model show {id}` boyutunu gösterdiğinde yeniden deneyin.</translation>
    </message>
    <message>
        <source>Name at least one operation (--op).</source>
        <translation>En az bir işlem verin (--op).</translation>
    </message>
    <message>
        <source>Name at least one tool (--tool).</source>
        <translation>En az bir takım verin (--tool).</translation>
    </message>
    <message>
        <source>There is no setup {id}; `cncworkbench setup list` shows them.</source>
        <translation>{id} numaralı bağlama yok; `cncworkbench setup list` bağlamaları gösterir.</translation>
    </message>
</context>
<context>
    <name>SimReviewPanel</name>
    <message>
        <source>3-D view</source>
        <translation>3B görünüş</translation>
    </message>
    <message>
        <source>A program with errors cannot be approved.</source>
        <translation>Hatalı bir program onaylanamaz.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Onayla</translation>
    </message>
    <message>
        <source>Awaiting review only</source>
        <translation>Yalnız inceleme bekleyenler</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>Yorum (reddetmek için gerekli)</translation>
    </message>
    <message>
        <source>Cut below the stock&apos;s bottom</source>
        <translation>Ham parçanın tabanının altında kesme</translation>
    </message>
    <message>
        <source>Cutting with the spindle stopped</source>
        <translation>İş mili dururken kesme</translation>
    </message>
    <message>
        <source>Design part in 3-D</source>
        <translation>Tasarım parçası 3B&apos;de</translation>
    </message>
    <message>
        <source>Deviation from the design</source>
        <translation>Tasarımdan sapma</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
    <message>
        <source>Feed above the machine&apos;s maximum</source>
        <translation>İlerleme tezgahın azamisinin üstünde</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Bulgu</translation>
    </message>
    <message>
        <source>Fixture collision</source>
        <translation>Bağlama elemanı çarpışması</translation>
    </message>
    <message>
        <source>Gouge into the design</source>
        <translation>Tasarıma fazla kesme</translation>
    </message>
    <message>
        <source>Holder collision</source>
        <translation>Takım tutucu çarpışması</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Satır</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>{line}. satır: {message}</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Tezgah</translation>
    </message>
    <message>
        <source>Material left on the design</source>
        <translation>Tasarımın üstünde kalan malzeme</translation>
    </message>
    <message>
        <source>Next finding</source>
        <translation>Sonraki bulgu</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Bulgu yok.</translation>
    </message>
    <message>
        <source>No simulated runs to review.</source>
        <translation>İncelenecek simülasyon yok.</translation>
    </message>
    <message>
        <source>Only operators approve or reject programs.</source>
        <translation>Programları yalnız operatörler onaylar ya da reddeder.</translation>
    </message>
    <message>
        <source>Only operators approve programs.</source>
        <translation>Programları yalnız operatörler onaylar.</translation>
    </message>
    <message>
        <source>Outside the work envelope</source>
        <translation>Çalışma alanının dışında</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parça</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <source>Pick a simulated run.</source>
        <translation>Bir simülasyon seçin.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Oynat</translation>
    </message>
    <message>
        <source>Play the program: the stock as each line leaves it</source>
        <translation>Programı oynat: her satırın bıraktığı ham parça</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Oynatma hızı</translation>
    </message>
    <message>
        <source>Plunge with a non-centre-cutting tool</source>
        <translation>Merkezden kesmeyen takımla dalma</translation>
    </message>
    <message>
        <source>Previous finding</source>
        <translation>Önceki bulgu</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Rapid into stock</source>
        <translation>Hızlı hareketle ham parçaya giriş</translation>
    </message>
    <message>
        <source>Red: cut below the design. Blue: material left on it (darker: thicker). Green: within the tolerance. In the 3-D view before the end of the program: only what is cut below the design so far (red).</source>
        <translation>Kırmızı: tasarımın altına kesilmiş. Mavi: üstünde kalan malzeme (koyu: kalın). Yeşil: tolerans içinde. Programın sonundan önce 3B görünüşte: yalnızca o satıra kadar tasarımın altına kesilenler (kırmızı).</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reddet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>İnceleme</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Çalışma</translation>
    </message>
    <message>
        <source>Run #{id} {decision}.</source>
        <translation>Çalışma #{id} {decision}.</translation>
    </message>
    <message>
        <source>Select a finding to see what is wrong and how to fix it.</source>
        <translation>Neyin yanlış olduğunu ve nasıl düzeltileceğini görmek için bir bulgu seçin.</translation>
    </message>
    <message>
        <source>Shank below the cut surface</source>
        <translation>Takım sapı kesme yüzeyinin altında</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simülasyon tarihi</translation>
    </message>
    <message>
        <source>Simulation Review</source>
        <translation>Simülasyon İnceleme</translation>
    </message>
    <message>
        <source>Spindle speed above the maximum</source>
        <translation>Devir azaminin üstünde</translation>
    </message>
    <message>
        <source>Stop the playback here</source>
        <translation>Oynatmayı burada durdur</translation>
    </message>
    <message>
        <source>The designed part, translucent, over the stock</source>
        <translation>Tasarlanan parça, yarı saydam, ham parçanın üzerinde</translation>
    </message>
    <message>
        <source>The finding after this point of the program: its line and its marker</source>
        <translation>Programın bu noktasından sonraki bulgu: satırı ve işareti</translation>
    </message>
    <message>
        <source>The finding before this point of the program: its line and its marker</source>
        <translation>Programın bu noktasından önceki bulgu: satırı ve işareti</translation>
    </message>
    <message>
        <source>The stock after this line of the program</source>
        <translation>Programın bu satırından sonraki ham parça</translation>
    </message>
    <message>
        <source>Top view</source>
        <translation>Üstten görünüş</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Konum</translation>
    </message>
    <message>
        <source>after line {line}</source>
        <translation>{line}. satırdan sonra</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>onaylandı</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>bekliyor</translation>
    </message>
    <message>
        <source>end of program</source>
        <translation>program sonu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>geçti</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>reddedildi</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>uyarılı</translation>
    </message>
    <message>
        <source>{decision} by {who} on {when}{comment}</source>
        <translation>{decision}: {who}, {when}{comment}</translation>
    </message>
    <message>
        <source>{lines} lines/s</source>
        <translation>{lines} satır/sn</translation>
    </message>
    <message>
        <source>{program}: {errors} error(s), {warnings} warning(s); {volume} cm³ removed; {m} min {s:02d} s on the machine.</source>
        <translation>{program}: {errors} hata, {warnings} uyarı; {volume} cm³ talaş kaldırılır; tezgahta {m} dk {s:02d} sn.</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>A review is &apos;approved&apos; or &apos;rejected&apos;, not &apos;{decision}&apos;.</source>
        <translation>İnceleme kararı &apos;approved&apos; ya da &apos;rejected&apos; olur, &apos;{decision}&apos; değil.</translation>
    </message>
    <message>
        <source>CAM run {run} has no G-code to simulate.</source>
        <translation>CAM çalışması {run} için simüle edilecek G kodu yok.</translation>
    </message>
    <message>
        <source>CAM run {run} has no setup (stock, fixtures) to use.</source>
        <translation>CAM çalışması {run} için kullanılacak bağlama (ham parça, bağlama elemanları) yok.</translation>
    </message>
    <message>
        <source>Say why the program is rejected (a comment is required).</source>
        <translation>Programın neden reddedildiğini yazın (yorum zorunludur).</translation>
    </message>
    <message>
        <source>Simulated run {run} found errors: a program with errors cannot be approved.</source>
        <translation>Simülasyon {run} hata buldu: hatalı bir program onaylanamaz.</translation>
    </message>
    <message>
        <source>Simulated run {run} was already approved; simulate the program again for a new decision.</source>
        <translation>Simülasyon {run} zaten onaylandı; yeni bir karar için programı yeniden simüle edin.</translation>
    </message>
    <message>
        <source>Simulated run {run} was already rejected; simulate the program again for a new decision.</source>
        <translation>Simülasyon {run} zaten reddedildi; yeni bir karar için programı yeniden simüle edin.</translation>
    </message>
    <message>
        <source>The comment is longer than 2000 characters.</source>
        <translation>Yorum 2000 karakterden uzun.</translation>
    </message>
    <message>
        <source>The design could not be read, so it was not compared: {why}</source>
        <translation>Tasarım okunamadı, bu yüzden karşılaştırılmadı: {why}</translation>
    </message>
    <message>
        <source>The design does not lie over the stock, so it was not compared.</source>
        <translation>Tasarım ham parçanın üzerinde değil, bu yüzden karşılaştırılmadı.</translation>
    </message>
    <message>
        <source>The run has no design (model) to compare with.</source>
        <translation>Bu çalışmanın karşılaştırılacak tasarımı (modeli) yok.</translation>
    </message>
    <message>
        <source>There is no CAM run {run}.</source>
        <translation>{run} numaralı CAM çalışması yok.</translation>
    </message>
    <message>
        <source>There is no simulated run {run}.</source>
        <translation>{run} numaralı simülasyon yok.</translation>
    </message>
    <message>
        <source>fixture &apos;{name}&apos; has no size (min must be &lt; max)</source>
        <translation>&apos;{name}&apos; bağlama elemanının boyutu yok (min &lt; max olmalı)</translation>
    </message>
    <message>
        <source>fixture {number}</source>
        <translation>bağlama elemanı {number}</translation>
    </message>
    <message>
        <source>line {line}: no tool is loaded (M6) and the tool list has {count} tools</source>
        <translation>{line}. satır: takım takılı değil (M6) ve takım listesinde {count} takım var</translation>
    </message>
    <message>
        <source>line {line}: tool {tool} is not in the tool list</source>
        <translation>{line}. satır: {tool} takımı takım listesinde yok</translation>
    </message>
    <message>
        <source>snapshots must not be negative, not {count}</source>
        <translation>ara görüntü sayısı negatif olamaz, {count} değil</translation>
    </message>
    <message>
        <source>the resolution must be more than 0 mm, not {resolution}</source>
        <translation>çözünürlük 0 mm&apos;den büyük olmalı, {resolution} değil</translation>
    </message>
    <message>
        <source>the stock corners need three coordinates each (x, y, z)</source>
        <translation>ham parçanın köşelerinin her biri üç koordinat ister (x, y, z)</translation>
    </message>
    <message>
        <source>the stock has no size in {axis}: {axis} from {low} to {high}</source>
        <translation>ham parçanın {axis} ekseninde boyutu yok: {axis} {low} ile {high} arası</translation>
    </message>
    <message>
        <source>the tool list is empty: give at least one tool</source>
        <translation>takım listesi boş: en az bir takım verin</translation>
    </message>
    <message>
        <source>the {budget} MB budget does not even hold the program&apos;s {moves} moves and checkpoints ({held} MB): give a larger budget</source>
        <translation>{budget} MB bellek sınırı programın {moves} hareketini ve ara kayıtlarını ({held} MB) bile almıyor: daha büyük bir sınır verin</translation>
    </message>
    <message>
        <source>tool {tool} must be a ToolShape, not {type}</source>
        <translation>{tool} takımı bir ToolShape olmalı, {type} değil</translation>
    </message>
    <message>
        <source>tool {tool}: a bull-nose tool needs a corner radius between 0 and {most} mm, not {radius}</source>
        <translation>{tool} takımı: köşe radyuslu bir takımın köşe radyusu 0 ile {most} mm arasında olmalı, {radius} değil</translation>
    </message>
    <message>
        <source>tool {tool}: shape {shape} is not one of {shapes}</source>
        <translation>{tool} takımı: {shape} biçimi şunlardan biri değil: {shapes}</translation>
    </message>
    <message>
        <source>tool {tool}: the tip angle must be between 0 and 180°, not {angle}</source>
        <translation>{tool} takımı: uç açısı 0 ile 180° arasında olmalı, {angle} değil</translation>
    </message>
    <message>
        <source>tool {tool}: {name} must be more than 0, not {value}</source>
        <translation>{tool} takımı: {name} 0&apos;dan büyük olmalı, {value} değil</translation>
    </message>
    <message>
        <source>{cell} mm cells on a {x} × {y} mm stock need {needed} MB, more than the {budget} MB budget: use coarser cells or a larger budget</source>
        <translation>{x} × {y} mm ham parçada {cell} mm hücreler {needed} MB ister, bu {budget} MB bellek sınırından fazla: daha kaba hücreler veya daha büyük bir sınır kullanın</translation>
    </message>
</context>
<context>
    <name>StockView</name>
    <message>
        <source>No run selected</source>
        <translation>Seçili çalışma yok</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>&apos;{key}&apos; is not a valid object key.</source>
        <translation>&apos;{key}&apos; geçerli bir nesne anahtarı değil.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; changed while it was being uploaded; try again.</source>
        <translation>&apos;{name}&apos; yüklenirken değişti; yeniden deneyin.</translation>
    </message>
    <message>
        <source>An object already exists under &apos;{key}&apos;; keys are never reused.</source>
        <translation>&apos;{key}&apos; altında zaten bir nesne var; anahtarlar asla yeniden kullanılmaz.</translation>
    </message>
    <message>
        <source>No S3 credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile) for the bucket in CNC_S3_BUCKET.</source>
        <translation>S3 kimlik bilgileri bulunamadı: CNC_S3_BUCKET içindeki kova için AWS_ACCESS_KEY_ID ve AWS_SECRET_ACCESS_KEY (ya da bir AWS profili) ayarlayın.</translation>
    </message>
    <message>
        <source>Nothing answers at the S3 endpoint {where} (CNC_S3_ENDPOINT_URL). Start the object store there or correct CNC_S3_ENDPOINT_URL.</source>
        <translation>{where} S3 uç noktasında yanıt veren yok (CNC_S3_ENDPOINT_URL). Orada nesne deposunu başlatın ya da CNC_S3_ENDPOINT_URL ayarını düzeltin.</translation>
    </message>
    <message>
        <source>S3 at {where} answered {code} for the bucket &apos;{bucket}&apos; (CNC_S3_BUCKET).</source>
        <translation>{where} adresindeki S3, &apos;{bucket}&apos; kovası için {code} yanıtını verdi (CNC_S3_BUCKET).</translation>
    </message>
    <message>
        <source>S3 at {where} refused access to the bucket &apos;{bucket}&apos; ({code}): check the AWS credentials and the bucket policy.</source>
        <translation>{where} adresindeki S3, &apos;{bucket}&apos; kovasına erişimi reddetti ({code}): AWS kimlik bilgilerini ve kova ilkesini kontrol edin.</translation>
    </message>
    <message>
        <source>S3 bucket &apos;{bucket}&apos; at {where}</source>
        <translation>{where} üzerinde &apos;{bucket}&apos; S3 kovası</translation>
    </message>
    <message>
        <source>The S3 bucket &apos;{bucket}&apos; (CNC_S3_BUCKET) does not exist at {where}. Create it (`aws s3 mb s3://{bucket}`) or correct CNC_S3_BUCKET.</source>
        <translation>&apos;{bucket}&apos; S3 kovası (CNC_S3_BUCKET) {where} üzerinde yok. Kovayı oluşturun (`aws s3 mb s3://{bucket}`) ya da CNC_S3_BUCKET ayarını düzeltin.</translation>
    </message>
    <message>
        <source>The S3 endpoint {where} stopped answering ({reason}). Check that the object store is running and reachable, then try again; nothing was stored.</source>
        <translation>{where} S3 uç noktası yanıt vermeyi kesti ({reason}). Nesne deposunun çalıştığını ve erişilebilir olduğunu denetleyip yeniden deneyin; hiçbir şey saklanmadı.</translation>
    </message>
    <message>
        <source>The local file store {folder} is not writable ({reason}). Set CNC_DATA_DIR to a folder you can write, or configure CNC_S3_BUCKET.</source>
        <translation>{folder} yerel dosya deposuna yazılamıyor ({reason}). CNC_DATA_DIR ayarını yazabildiğiniz bir klasöre yöneltin ya da CNC_S3_BUCKET yapılandırın.</translation>
    </message>
    <message>
        <source>The stored file &apos;{key}&apos; is corrupted (SHA-256 differs).</source>
        <translation>Saklanan &apos;{key}&apos; dosyası bozuk (SHA-256 farklı).</translation>
    </message>
    <message>
        <source>The stored file &apos;{key}&apos; is corrupted: its SHA-256 is {actual}… ({size} bytes) but {expected}… was recorded ({expected_size} bytes). Nothing was written; ask an administrator to restore it.</source>
        <translation>Saklanan &apos;{key}&apos; dosyası bozuk: SHA-256 değeri {actual}… ({size} bayt), ama kayıtlı olan {expected}… ({expected_size} bayt). Hiçbir şey yazılmadı; dosyayı geri yüklemesi için bir yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>The stored file &apos;{key}&apos; is corrupted: its SHA-256 is {actual}… ({size} bytes) but {expected}… was recorded. Nothing was written; ask an administrator to restore it.</source>
        <translation>Saklanan &apos;{key}&apos; dosyası bozuk: SHA-256 değeri {actual}… ({size} bayt), ama kayıtlı olan {expected}…. Hiçbir şey yazılmadı; dosyayı geri yüklemesi için bir yöneticiye başvurun.</translation>
    </message>
    <message>
        <source>The stored file &apos;{key}&apos; is missing from {store}.</source>
        <translation>Saklanan &apos;{key}&apos; dosyası {store} içinde yok.</translation>
    </message>
    <message>
        <source>The upload of &apos;{key}&apos; is incomplete ({arrived} of {expected} bytes arrived); it was removed. Try again.</source>
        <translation>&apos;{key}&apos; yüklemesi eksik ({expected} baytın {arrived} baytı ulaştı); kaldırıldı. Yeniden deneyin.</translation>
    </message>
    <message>
        <source>local folder {folder}</source>
        <translation>yerel klasör {folder}</translation>
    </message>
</context>
<context>
    <name>SystemDialog</name>
    <message>
        <source>A token or signing secret is one line of at most 4096 characters.</source>
        <translation>Belirteç ya da imza anahtarı en çok 4096 karakterlik tek bir satırdır.</translation>
    </message>
    <message>
        <source>Active (deliver and import now)</source>
        <translation>Etkin (şimdi gönder ve aktar)</translation>
    </message>
    <message>
        <source>Add external system</source>
        <translation>Dış sistem ekle</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Bearer token:</source>
        <translation>Erişim belirteci:</translation>
    </message>
    <message>
        <source>CAM runs</source>
        <translation>CAM çalışmaları</translation>
    </message>
    <message>
        <source>Connect timeout (ms):</source>
        <translation>Bağlanma zaman aşımı (ms):</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Gönderim</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Yön:</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} düzenle</translation>
    </message>
    <message>
        <source>Entity types:</source>
        <translation>Kayıt türleri:</translation>
    </message>
    <message>
        <source>Events path:</source>
        <translation>Olay yolu:</translation>
    </message>
    <message>
        <source>External system {name} added.</source>
        <translation>Dış sistem {name} eklendi.</translation>
    </message>
    <message>
        <source>External system {name} saved.</source>
        <translation>Dış sistem {name} kaydedildi.</translation>
    </message>
    <message>
        <source>First retry after (s):</source>
        <translation>İlk yeniden deneme (sn sonra):</translation>
    </message>
    <message>
        <source>Forget the token and signing secret kept in this computer&apos;s keyring</source>
        <translation>Bu bilgisayarın anahtarlığındaki belirteci ve imza anahtarını unut</translation>
    </message>
    <message>
        <source>Longest wait (s):</source>
        <translation>En uzun bekleme (sn):</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>Orders path:</source>
        <translation>Sipariş yolu:</translation>
    </message>
    <message>
        <source>Pull orders every (s):</source>
        <translation>Siparişleri çekme aralığı (sn):</translation>
    </message>
    <message>
        <source>Read timeout (ms):</source>
        <translation>Okuma zaman aşımı (ms):</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Deneme sayısı:</translation>
    </message>
    <message>
        <source>Secrets go to this computer&apos;s OS keyring, never to the database. Workers on other computers read theirs from CNC_ERP_TOKEN_&lt;NAME&gt; and CNC_ERP_SECRET_&lt;NAME&gt;. Without a signing secret the token signs.</source>
        <translation>Gizli bilgiler veritabanına değil, bu bilgisayarın işletim sistemi anahtarlığına gider. Başka bilgisayarlardaki işleyiciler kendilerininkini CNC_ERP_TOKEN_&lt;NAME&gt; ve CNC_ERP_SECRET_&lt;NAME&gt; değişkenlerinden okur. İmza anahtarı yoksa belirteç imzalar.</translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation>İmza anahtarı:</translation>
    </message>
    <message>
        <source>The queue refers to a system by its name.</source>
        <translation>Kuyruk bir sisteme adıyla başvurur.</translation>
    </message>
    <message>
        <source>both ways</source>
        <translation>iki yönlü</translation>
    </message>
    <message>
        <source>inbound: orders come from the system</source>
        <translation>gelen: siparişler sistemden gelir</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>faturalar</translation>
    </message>
    <message>
        <source>kept in the OS keyring; empty keeps it</source>
        <translation>işletim sistemi anahtarlığında saklanır; boş bırakılırsa korunur</translation>
    </message>
    <message>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>isteğe bağlı</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>siparişler</translation>
    </message>
    <message>
        <source>outbound: events go to the system</source>
        <translation>giden: olaylar sisteme gider</translation>
    </message>
    <message>
        <source>required to deliver events</source>
        <translation>olayları göndermek için gerekli</translation>
    </message>
    <message>
        <source>set in the {where} (wins); empty keeps it</source>
        <translation>{where} içinde tanımlı (o geçerli); boş bırakılırsa korunur</translation>
    </message>
    <message>
        <source>simulations</source>
        <translation>simülasyonlar</translation>
    </message>
</context>
<context>
    <name>ToolDrawing</name>
    <message>
        <source>No tool selected</source>
        <translation>Seçili takım yok</translation>
    </message>
    <message>
        <source>flutes {length}</source>
        <translation>ağız {length}</translation>
    </message>
    <message>
        <source>stick-out {length} mm</source>
        <translation>sarkma {length} mm</translation>
    </message>
</context>
<context>
    <name>ToolMaterials</name>
    <message>
        <source>carbide</source>
        <translation>karbür</translation>
    </message>
    <message>
        <source>hss</source>
        <translation>HSS</translation>
    </message>
    <message>
        <source>hss co</source>
        <translation>HSS-Co</translation>
    </message>
</context>
<context>
    <name>ToolTypes</name>
    <message>
        <source>ball endmill</source>
        <translation>küresel parmak freze</translation>
    </message>
    <message>
        <source>bull endmill</source>
        <translation>köşe radyuslu parmak freze</translation>
    </message>
    <message>
        <source>chamfer mill</source>
        <translation>pah frezesi</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>matkap</translation>
    </message>
    <message>
        <source>face mill</source>
        <translation>yüzey frezesi</translation>
    </message>
    <message>
        <source>flat endmill</source>
        <translation>düz parmak freze</translation>
    </message>
    <message>
        <source>router bit</source>
        <translation>router ucu</translation>
    </message>
    <message>
        <source>spot drill</source>
        <translation>punta matkabı</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Also store a STEP export</source>
        <translation>STEP dışa aktarımını da sakla</translation>
    </message>
    <message>
        <source>Also store an STL export</source>
        <translation>STL dışa aktarımını da sakla</translation>
    </message>
    <message>
        <source>An existing model of this name gets a new version</source>
        <translation>Bu adda bir model varsa yeni sürümü olur</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Proje:</translation>
    </message>
    <message>
        <source>Type a new name to create a project</source>
        <translation>Proje oluşturmak için yeni bir ad yazın</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tür:</translation>
    </message>
    <message>
        <source>Upload model</source>
        <translation>Model yükle</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-posta:</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Kullanıcıyı düzenle</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Cep:</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Yeni kullanıcı</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Parola:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Tax number:</source>
        <translation>Vergi no:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Saat dilimi:</translation>
    </message>
    <message>
        <source>VKN (10 digits) or TCKN (11 digits)</source>
        <translation>VKN (10 hane) ya da TCKN (11 hane)</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>&apos;{field}&apos; cannot be edited here.</source>
        <translation>&apos;{field}&apos; burada düzenlenemez.</translation>
    </message>
    <message>
        <source>Another user already has the {field} {value}.</source>
        <translation>Bu {field} başka bir kullanıcıda zaten kayıtlı: {value}.</translation>
    </message>
    <message>
        <source>The address is longer than 2000 characters.</source>
        <translation>Adres 2000 karakterden uzun.</translation>
    </message>
    <message>
        <source>The company name is longer than 255 characters.</source>
        <translation>Şirket adı 255 karakterden uzun.</translation>
    </message>
    <message>
        <source>The e-mail is required.</source>
        <translation>E-posta zorunludur.</translation>
    </message>
    <message>
        <source>The {field} is required.</source>
        <translation>Zorunlu alan boş: {field}.</translation>
    </message>
    <message>
        <source>There is no user with id {id}.</source>
        <translation>{id} kimlikli bir kullanıcı yok.</translation>
    </message>
    <message>
        <source>There is no user {email}.</source>
        <translation>{email} adlı bir kullanıcı yok.</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;; choose one of {roles}.</source>
        <translation>Bilinmeyen rol &apos;{role}&apos;; şunlardan birini seçin: {roles}.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Kendi hesabınızı devre dışı bırakamazsınız.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-posta</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>dil</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Activate</source>
        <translation>Etkinleştir</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Devre dışı bırak</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Düzenle…</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Son giriş</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cep</translation>
    </message>
    <message>
        <source>New password for {email} (their sessions end):</source>
        <translation>{email} için yeni parola (oturumları kapanır):</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Yeni kullanıcı…</translation>
    </message>
    <message>
        <source>Password of {email} reset.</source>
        <translation>{email} parolası sıfırlandı.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Parolayı sıfırla</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Parolayı sıfırla…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>User {email} created.</source>
        <translation>{email} kullanıcısı oluşturuldu.</translation>
    </message>
    <message>
        <source>User {email} saved.</source>
        <translation>{email} kullanıcısı kaydedildi.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>devre dışı</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>kilitli</translation>
    </message>
    <message>
        <source>{email} unlocked.</source>
        <translation>{email} kilidi açıldı.</translation>
    </message>
</context>
<context>
    <name>Validators</name>
    <message>
        <source>&apos;{email}&apos; is not a valid e-mail address.</source>
        <translation>&apos;{email}&apos; geçerli bir e-posta adresi değil.</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a Turkish mobile number (+90 5xx …).</source>
        <translation>&apos;{phone}&apos; bir Türkiye cep telefonu numarası değil (+90 5xx …).</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a Turkish number (+90).</source>
        <translation>&apos;{phone}&apos; bir Türkiye numarası değil (+90).</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a Turkish phone number (area code).</source>
        <translation>&apos;{phone}&apos; bir Türkiye telefon numarası değil (alan kodu).</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a Turkish phone number: expected 10 digits after +90 or the leading 0, found {count}.</source>
        <translation>&apos;{phone}&apos; bir Türkiye telefon numarası değil: +90 veya baştaki 0&apos;dan sonra 10 hane bekleniyordu, {count} hane bulundu.</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a phone number (misplaced &apos;+&apos;).</source>
        <translation>&apos;{phone}&apos; bir telefon numarası değil (&apos;+&apos; yanlış yerde).</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is not a phone number (unexpected characters).</source>
        <translation>&apos;{phone}&apos; bir telefon numarası değil (beklenmeyen karakterler).</translation>
    </message>
    <message>
        <source>&apos;{phone}&apos; is too long for a phone number.</source>
        <translation>&apos;{phone}&apos; bir telefon numarası için çok uzun.</translation>
    </message>
    <message>
        <source>The e-mail address is {count} characters; at most {limit}.</source>
        <translation>E-posta adresi {count} karakter; en fazla {limit} olabilir.</translation>
    </message>
    <message>
        <source>The tax number &apos;{number}&apos; has {count} digits; a VKN has 10 and a TCKN 11.</source>
        <translation>Vergi numarası &apos;{number}&apos; {count} haneli; VKN 10, TCKN 11 hanelidir.</translation>
    </message>
    <message>
        <source>The tax number &apos;{number}&apos; must contain digits only.</source>
        <translation>Vergi numarası &apos;{number}&apos; yalnızca rakam içermelidir.</translation>
    </message>
    <message>
        <source>The time zone name is too long.</source>
        <translation>Saat dilimi adı çok uzun.</translation>
    </message>
    <message>
        <source>The {kind} &apos;{number}&apos; fails its check digits; please re-check it.</source>
        <translation>{kind} &apos;{number}&apos; kontrol basamaklarını tutmuyor; lütfen yeniden kontrol edin.</translation>
    </message>
    <message>
        <source>Unknown language &apos;{language}&apos;; choose one of {choices}.</source>
        <translation>Bilinmeyen dil &apos;{language}&apos;; şunlardan birini seçin: {choices}.</translation>
    </message>
    <message>
        <source>Unknown time zone &apos;{zone}&apos;; use a name such as Europe/Istanbul.</source>
        <translation>Bilinmeyen saat dilimi &apos;{zone}&apos;; Europe/Istanbul gibi bir ad kullanın.</translation>
    </message>
</context>
<context>
    <name>VariantDialog</name>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; (version {version}) is driven by a spreadsheet. FreeCAD sets the values you change, recomputes the part, checks that it is still a valid solid and stores it as a new model in the same project.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; (sürüm {version}) bir hesap tablosuyla yönetiliyor. FreeCAD değiştirdiğiniz değerleri yazar, parçayı yeniden hesaplar, hâlâ geçerli bir katı olduğunu kontrol eder ve aynı projede yeni bir model olarak saklar.</translation>
    </message>
    <message>
        <source>Change at least one value.</source>
        <translation>En az bir değeri değiştirin.</translation>
    </message>
    <message>
        <source>Derived files: {files}</source>
        <translation>Türetilmiş dosyalar: {files}</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Üret</translation>
    </message>
    <message>
        <source>Generate variant</source>
        <translation>Varyant üret</translation>
    </message>
    <message>
        <source>New model:</source>
        <translation>Yeni model:</translation>
    </message>
    <message>
        <source>Parameters: {values}</source>
        <translation>Parametreler: {values}</translation>
    </message>
    <message>
        <source>Pick an FCStd model whose spreadsheet has parameters (cells with an alias); an upload lists them within a minute.</source>
        <translation>Hesap tablosunda parametre (takma adlı hücre) bulunan bir FCStd modeli seçin; yüklenen modelin parametreleri bir dakika içinde listelenir.</translation>
    </message>
    <message>
        <source>Spreadsheet cell {where}, now {value}</source>
        <translation>Hesap tablosu hücresi {where}, şu an {value}</translation>
    </message>
    <message>
        <source>Variant job #{id} queued: the new model appears in this project when it is done (follow it in the Jobs panel).</source>
        <translation>Varyant işi #{id} sıraya alındı: yeni model, iş bitince bu projede görünür (İşler panelinden izleyin).</translation>
    </message>
    <message>
        <source>Variant of {name} v{version} ({values})</source>
        <translation>{name} v{version} varyantı ({values})</translation>
    </message>
    <message>
        <source>Will set {values}.</source>
        <translation>Yazılacak değerler: {values}.</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>Compared with the design: {gouges} gouge region(s), {gouge} mm³; {leftovers} leftover region(s), {leftover} mm³; tolerance {tolerance} mm.</source>
        <translation>Tasarımla karşılaştırıldı: {gouges} fazla kesme bölgesi, {gouge} mm³; {leftovers} kalan malzeme bölgesi, {leftover} mm³; tolerans {tolerance} mm.</translation>
    </message>
    <message>
        <source>Not compared with the design: the simulation cannot tell whether this is the part that was designed.</source>
        <translation>Tasarımla karşılaştırılmadı: simülasyon bunun tasarlanan parça olup olmadığını söyleyemez.</translation>
    </message>
    <message>
        <source>{percent} % of the design&apos;s outline lies under an overhang and is not verifiable from above.</source>
        <translation>Tasarımın dış hatlarının %{percent} kadarı bir çıkıntının altında kalıyor ve yukarıdan doğrulanamıyor.</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>CNC Workbench</source>
        <translation>CNC Workbench</translation>
    </message>
    <message>
        <source>CNC Workbench cannot start: the Python package(s) {packages} are missing for FreeCAD&apos;s Python {python}. Install them with: {command} (from the CNC Workbench checkout; ./run.sh does it), then restart FreeCAD.</source>
        <translation>CNC Workbench başlatılamıyor: FreeCAD&apos;in Python {python} yorumlayıcısı için {packages} Python paket(ler)i eksik. Şu komutla kurun: {command} (CNC Workbench çalışma kopyasından; ./run.sh bunu yapar), ardından FreeCAD&apos;i yeniden başlatın.</translation>
    </message>
    <message>
        <source>Missing dependencies</source>
        <translation>Eksik bağımlılıklar</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Jobs run on the shop&apos;s workers.</source>
        <translation>İşler atölyenin işleyicilerinde çalışıyor.</translation>
    </message>
    <message>
        <source>Jobs run on this computer (no worker was running).</source>
        <translation>İşler bu bilgisayarda çalışıyor (çalışan bir işleyici yoktu).</translation>
    </message>
    <message>
        <source>No worker is running; jobs wait for one.</source>
        <translation>Çalışan işleyici yok; işler bir işleyici bekliyor.</translation>
    </message>
    <message>
        <source>No worker is running; jobs wait until one starts.</source>
        <translation>Çalışan işleyici yok; işler biri başlayana kadar bekler.</translation>
    </message>
    <message>
        <source>Unexpected error ({name}: {error}). Details are in the log.</source>
        <translation>Beklenmeyen hata ({name}: {error}). Ayrıntılar günlükte.</translation>
    </message>
    <message>
        <source>“Remember me” is off: {reason}, so logins cannot be remembered on this computer.</source>
        <translation>“Beni hatırla” kapalı: {reason}; bu yüzden girişler bu bilgisayarda hatırlanamaz.</translation>
    </message>
</context>
</TS>
