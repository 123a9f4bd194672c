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
        <source>In stock only</source>
        <translation>Yalnız stokta olanlar</translation>
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
    <name>Coatings</name>
    <message>
        <source>uncoated</source>
        <translation>kaplamasız</translation>
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
        <source>KDV (%{rate}):</source>
        <translation>KDV (%{rate}):</translation>
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
    <name>SimReviewPanel</name>
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
        <source>Cutting with the spindle stopped</source>
        <translation>İş mili dururken kesme</translation>
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
        <source>Holder collision</source>
        <translation>Takım tutucu çarpışması</translation>
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
        <source>Pick a simulated run.</source>
        <translation>Bir simülasyon seçin.</translation>
    </message>
    <message>
        <source>Plunge with a non-centre-cutting tool</source>
        <translation>Merkezden kesmeyen takımla dalma</translation>
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
        <source>Warnings</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Konum</translation>
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
        <source>{program}: {errors} error(s), {warnings} warning(s); {volume} cm³ removed; {m} min {s:02d} s on the machine.</source>
        <translation>{program}: {errors} hata, {warnings} uyarı; {volume} cm³ talaş kaldırılır; tezgahta {m} dk {s:02d} sn.</translation>
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
