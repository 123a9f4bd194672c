"""The invoice PDF as the buyer and the accountant read it: its text (pdftotext), its pages
(pdfinfo) and how it looks (pdftoppm), rendered from printable_invoice's data; and end
to end, an invoice issued on the real database and stored in a real S3 bucket."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.core import money
from cncworkbench.core.money import LineInput
from cncworkbench.ui import reports
from tests.test_setup_sheet import (  # the same poppler helpers, and the same skip
    page_images,
    pdf_info,
    pytestmark,  # noqa: F401 - needs poppler-utils
    run_cli,
)

NUMBER = "CNC2026000000042"
SELLER_VKN = "4720918354"
BUYER_VKN = "6183052747"

SELLER = {
    "name": "Tezgah Yazılım Teknolojileri A.Ş.",
    "tax_no": SELLER_VKN,
    "tax_office": "Kozyatağı",
    "address": "İçerenköy Mah. Değirmen Yolu Cad. No: 28 Kat: 4\nAtaşehir / İstanbul",
    "email": "fatura@tezgah.example",
    "phone": "+902165550142",
    "iban": "TR330006100519786457841326",
}
BUYER = {
    "name": "Özgür Kalıp Makine Sanayi ve Ticaret Ltd. Şti.",
    "tax_no": BUYER_VKN,
    "tax_office": "Nilüfer",
    "address": "Organize Sanayi Bölgesi, Beyaz Cad. No: 14\nNilüfer / Bursa",
    "email": "muhasebe@ozgurkalip.example",
    "phone": "+905321234567",
    "iban": None,
}
ITEMS = [
    LineInput(
        "CNC Workbench Profesyonel lisansı, 01.12.2026 – 30.11.2027", 5, "1234.56", "kullanıcı"
    ),
    LineInput("Yerinde kurulum ve eğitim (Bursa, iki gün)", 2, "7500", "gün"),
    LineInput("Takım kütüphanesi aktarımı: Sandvik, Iscar, Karcan", "1.5", "2400.5", "saat"),
]


def printable(items=ITEMS, currency="TRY", status="sent", language=None, **changes) -> dict:
    """Data as billing.printable_invoice gives it, amounts computed by the money module;
    ``language="en"``: its English copy's (no ``language``: the renderer's default)."""
    totals = money.compute_totals(items, money.DEFAULT_KDV_RATE)
    rate = money.format_quantity(totals.tax_rate)
    data = {
        "draft": False,
        "number": NUMBER,
        "status": status,
        "type": "subscription",
        "issue_date": "24.11.2026",
        "issue_time": "14:05",
        "due_date": "08.12.2026",
        "billing_period": {"start": "01.12.2026", "end": "30.11.2027"},
        "currency": currency,
        "currency_sign": money.CURRENCY_SIGNS[currency],
        "seller": dict(SELLER),
        "buyer": dict(BUYER),
        "lines": [
            {
                "no": number,
                "description": line.description,
                "quantity": money.format_quantity(line.quantity),
                "unit": line.unit,
                "unit_price": money.format_unit_price(line.unit_price),
                "amount": money.format_amount(line.amount),
                "tax_rate": rate,
                "tax_amount": money.format_amount(line.tax_amount),
            }
            for number, line in enumerate(totals.lines, start=1)
        ],
        "subtotal": money.format_amount(totals.subtotal),
        "tax_rate": rate,
        "tax_amount": money.format_amount(totals.tax_amount),
        "total": money.format_amount(totals.total),
        "total_in_words": "Yalnız " + money.amount_in_words(totals.total, currency),
        "notes": "Lisans anahtarları ödeme onayından sonra e-posta ile gönderilir.\n"
        "Sorularınız için: destek@tezgah.example",
        "paid_at": "2026-11-25 16:05" if status == "paid" else None,
    }
    if language is not None:
        data["language"] = language
        data["currency_sign"] = money.currency_sign(currency, language)
        data["total_in_words"] = money.total_in_words(totals.total, currency, language)
    data.update(changes)
    return data


def words(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text in the order it was drawn (``-raw``: a label next to its value, and the
    stamp's turned letters too), whitespace runs made single spaces."""
    pages = []
    if first is not None:
        pages += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    pdf = tmp_path_factory.mktemp("invoice") / f"{NUMBER}.pdf"
    return pdf, reports.render_invoice(printable(), pdf)


def test_the_invoice_is_one_a4_page_titled_by_its_number(rendered):
    pdf, pages = rendered
    info = pdf_info(pdf)
    assert pages == 1 and int(info["Pages"]) == 1
    width, height = (float(v) for v in info["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (595, 842)
    assert info["Title"].strip() == f"Fatura {NUMBER} · {BUYER['name']}"


def test_the_invoice_reads_in_turkish_with_turkish_amounts(rendered):
    pdf, _ = rendered
    text = words(pdf)
    for expected in (
        "FATURA",
        NUMBER,
        "SATICI",
        "Tezgah Yazılım Teknolojileri A.Ş.",
        "Ataşehir / İstanbul",
        f"Vergi Dairesi: Kozyatağı · VKN: {SELLER_VKN}",
        "SAYIN",
        "Özgür Kalıp Makine Sanayi ve Ticaret Ltd. Şti.",
        "Nilüfer / Bursa",
        f"Vergi Dairesi: Nilüfer · VKN: {BUYER_VKN}",
        "Tel: +90 532 123 45 67",
        "Fatura Tarihi 24.11.2026",
        "Düzenleme Saati 14:05",
        "Son Ödeme Tarihi 08.12.2026",
        "Para Birimi TRY",
        "Fatura Türü Abonelik",
        "Hizmet Dönemi 01.12.2026 – 30.11.2027",
        # the table's header and lines
        "Sıra Açıklama Miktar Birim Fiyat KDV % KDV Tutarı Tutar",
        "CNC Workbench Profesyonel lisansı, 01.12.2026 – 30.11.2027",
        "5 kullanıcı 1.234,56 TL %20 1.234,56 TL 6.172,80 TL",  # 5 × 1.234,56 and 20 % KDV
        "2 gün 7.500,00 TL %20 3.000,00 TL 15.000,00 TL",
        "1,5 saat 2.400,50 TL %20 720,15 TL 3.600,75 TL",
        # totals and the amount in words
        "Ara Toplam 24.773,55 TL",
        "KDV (%20) 4.954,71 TL",
        "Genel Toplam 29.728,26 TL",
        "Yalnız yirmi dokuz bin yedi yüz yirmi sekiz Türk lirası yirmi altı kuruş",
        # how to pay, and the notes
        "Ödeme Bilgileri",
        "IBAN TR33 0006 1005 1978 6457 8413 26",
        f"fatura numarasını ({NUMBER}) yazınız",
        "Lisans anahtarları ödeme onayından sonra e-posta ile gönderilir.",
        "Sayfa 1 / 1",
    ):
        assert expected in text, expected
    assert all(letter in text for letter in "şğıİçöüŞÖ")
    assert "ÖDENDİ" not in text and "TASLAK" not in text  # sent, not paid


def test_the_page_looks_right(rendered):
    """Everything inside the margins, and the FATURA title at the top right."""
    pdf, _ = rendered
    (page,) = page_images(pdf, "invoice", dpi=70)
    width = page.shape[1]
    ink = page.min(axis=2) < 200
    margin = round(70 * 11 / 25.4)  # 11 mm: the 12 mm margin, less a little anti-aliasing
    assert not ink[:, :margin].any() and not ink[:, -margin:].any()
    assert not ink[:margin].any()
    top_right = ink[margin : margin + 40, width // 2 :]
    assert top_right.sum() > 100, "no title at the top right"


def test_a_paid_invoice_carries_a_stamp(tmp_path):
    pdf = tmp_path / "paid.pdf"
    reports.render_invoice(printable(status="paid"), pdf)
    text = words(pdf)
    assert "ÖDENDİ" in text
    assert "25.11.2026 16:05" in text  # day first, as the rest of the invoice
    assert "Ödeme Tarihi 25.11.2026 16:05" in text
    assert "yazınız" not in text  # no payment instructions on a paid invoice
    (page,) = page_images(pdf, "invoice-paid", dpi=70)
    r, g, b = (page[..., i].astype(int) for i in range(3))
    assert ((g - r > 50) & (g - b > 30)).sum() > 200, "no green stamp"


def test_drafts_and_cancelled_invoices_say_so(tmp_path):
    pdf = tmp_path / "draft.pdf"
    draft = printable(draft=True, number=None, status="draft", issue_date=None, issue_time=None)
    reports.render_invoice(draft, pdf)
    text = words(pdf)
    assert "Fatura No TASLAK" in text and "Geçerli bir fatura değildir" in text
    assert pdf_info(pdf)["Title"].strip().startswith("Fatura taslağı")
    reports.render_invoice(printable(status="cancelled"), pdf)
    text = words(pdf)
    assert "İPTAL EDİLDİ" in text and "Bu fatura iptal edilmiştir" in text


def test_other_currencies_and_the_lira_sign(tmp_path):
    pdf = tmp_path / "usd.pdf"
    reports.render_invoice(printable(currency="USD"), pdf)
    text = words(pdf)
    assert "1.234,56 USD" in text and "Genel Toplam 29.728,26 USD" in text
    assert "Para Birimi USD" in text
    assert "yirmi dokuz bin yedi yüz yirmi sekiz ABD doları yirmi altı sent" in text
    reports.render_invoice(printable(currency_sign="₺"), pdf)
    assert "Genel Toplam 29.728,26 ₺" in words(pdf)


def test_sixty_lines_continue_on_further_pages_under_the_same_header(tmp_path):
    items = [
        LineInput(f"Parça işleme hizmeti, sipariş {n:03d} (flanş, çelik)", n % 7 + 1, "345.67")
        for n in range(1, 61)
    ]
    pdf = tmp_path / "long.pdf"
    pages = reports.render_invoice(printable(items), pdf)
    assert pages >= 2 and int(pdf_info(pdf)["Pages"]) == pages
    header = "Sıra Açıklama Miktar Birim Fiyat KDV % KDV Tutarı Tutar"
    second = words(pdf, 2)
    assert "Mal ve Hizmetler (devam)" in second and header in second
    assert f"Sayfa 2 / {pages}" in second
    assert header in words(pdf, 1)
    last = words(pdf, pages)
    assert "Genel Toplam" in last and "Yalnız" in last
    everything = words(pdf)
    for n in range(1, 61):  # every line, once
        assert everything.count(f"sipariş {n:03d} ") == 1, n


# ------------------------------------------------------------ the English copy


def test_an_english_copy_for_a_foreign_buyer_names_the_turkish_original(tmp_path):
    pdf = tmp_path / "en.pdf"
    assert reports.render_invoice(printable(language="en"), pdf) == 1
    assert pdf_info(pdf)["Title"].strip() == f"Invoice {NUMBER} · {BUYER['name']}"
    text = words(pdf)
    for expected in (
        "INVOICE",
        f"This is an English translation of Turkish invoice {NUMBER}; the Turkish original "
        "prevails.",
        "SELLER",
        f"Tax office: Kozyatağı · Tax no. (VKN): {SELLER_VKN}",
        "BILL TO",
        "Phone: +90 532 123 45 67",
        f"Invoice no. {NUMBER}",
        "Invoice date 2026-11-24",
        "Issue time 14:05",
        "Due date 2026-12-08",
        "Currency TRY",
        "Invoice type Subscription",
        "Service period 2026-12-01 – 2027-11-30",
        "No. Description Quantity Unit price VAT % VAT amount Amount",
        # the same lines, written the English way; the seller's own texts as entered
        "5 kullanıcı 1,234.56 TRY 20% 1,234.56 TRY 6,172.80 TRY",
        "2 gün 7,500.00 TRY 20% 3,000.00 TRY 15,000.00 TRY",
        "1.5 saat 2,400.50 TRY 20% 720.15 TRY 3,600.75 TRY",
        "Subtotal 24,773.55 TRY",
        "VAT (KDV) 20% 4,954.71 TRY",
        "Grand total 29,728.26 TRY",
        "Amount in words",
        "Twenty-nine thousand seven hundred twenty-eight Turkish lira and twenty-six kuruş only",
        "Payment details",
        "IBAN TR33 0006 1005 1978 6457 8413 26",
        f"Please write the invoice number ({NUMBER}) as the payment reference.",
        "Page 1 / 1",
    ):
        assert expected in text, expected
    for turkish in ("FATURA", "Yalnız", "Genel Toplam", "KDV Tutarı", "Sayfa", " TL", "1.234,56"):
        assert turkish not in text, turkish
    # nothing runs over the margins, the title is at the top right (as the Turkish one)
    (page,) = page_images(pdf, "invoice-en", dpi=60)
    ink = page.min(axis=2) < 200
    margin = round(60 * 11 / 25.4)
    assert not ink[:, :margin].any() and not ink[:, -margin:].any()
    assert not ink[:margin].any()
    assert ink[margin : margin + 35, page.shape[1] // 2 :].sum() > 100, "no title at the top right"


def test_the_english_copy_of_a_paid_dollar_invoice_and_of_a_lira_sign(tmp_path):
    pdf = tmp_path / "paid.pdf"
    reports.render_invoice(printable(currency="USD", status="paid", language="en"), pdf)
    text = words(pdf)
    assert "PAID" in text and "Payment date 2026-11-25 16:05" in text
    assert "Grand total 29,728.26 USD" in text
    assert "twenty-eight US dollars and twenty-six cents only" in text
    assert "payment reference" not in text  # paid: nothing to pay
    reports.render_invoice(printable(currency_sign="₺", status="cancelled", language="en"), pdf)
    text = words(pdf)
    assert "CANCELLED" in text and "This invoice is cancelled; do not pay it." in text
    assert "Grand total ₺29,728.26" in text and "₺1,234.56" in text
    draft = printable(
        draft=True, number=None, status="draft", issue_date=None, issue_time=None, language="en"
    )
    reports.render_invoice(draft, pdf)
    text = words(pdf)
    assert "Invoice no. DRAFT" in text and "Not a valid invoice" in text
    assert "translation of a Turkish invoice draft" in text


def test_the_program_s_default_unit_is_written_in_english(tmp_path):
    items = [LineInput("Parça işleme", 3, "100")]  # unit: the default "adet"
    pdf = tmp_path / "unit.pdf"
    reports.render_invoice(printable(items, language="en"), pdf)
    assert "3 pcs 100.00 TRY" in words(pdf)
    reports.render_invoice(printable(items), pdf)
    assert "3 adet 100,00 TL" in words(pdf)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"number": None}, r"missing key 'number'"),
        ({"number": "CNC-42"}, r"number: expected the 16-character GİB form"),
        ({"total": "-29.728,26"}, r"total: must not be negative"),
        ({"total": 29728.26}, r"total: expected a number such as"),
        ({"total": "29.728,27"}, r"total: 29\.728,27 is not the subtotal plus KDV \(29\.728,26\)"),
        ({"currency": "GBP"}, r"currency: expected TRY, USD, EUR, got 'GBP'"),
        ({"currency": None}, r"missing key 'currency'"),
        ({"due_date": "2026-12-08"}, r"due_date: expected a date as DD\.MM\.YYYY"),
        ({"buyer": {**BUYER, "tax_no": "12345"}}, r"buyer\.tax_no: expected a VKN"),
        ({"buyer": {**BUYER, "name": " "}}, r"missing key 'buyer\.name'"),
        ({"lines": []}, r"lines: an invoice needs at least one line"),
        ({"total_in_words": None}, r"missing key 'total_in_words'"),
        ({"status": "lost"}, r"status: expected one of draft, sent"),
    ],
)
def test_bad_data_names_the_field_and_writes_nothing(tmp_path, change, message):
    data = printable()
    data.update(change)
    with pytest.raises(reports.InvoiceError, match=message):
        reports.render_invoice(data, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_a_bad_line_is_named_by_its_place(tmp_path):
    data = printable()
    data["lines"][1]["amount"] = "-15.000,00"
    with pytest.raises(reports.InvoiceError, match=r"lines\[1\]\.amount: must not be negative"):
        reports.render_invoice(data, tmp_path / "x.pdf")
    data = printable()
    del data["lines"][2]["description"]
    with pytest.raises(reports.InvoiceError, match=r"missing key 'lines\[2\]\.description'"):
        reports.render_invoice(data, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_the_command_line_renders_an_invoice_and_refuses_bad_data(tmp_path):
    source, pdf = tmp_path / "invoice.json", tmp_path / "invoice.pdf"
    source.write_text(json.dumps(printable(), ensure_ascii=False), "utf-8")
    result = run_cli("invoice", source, pdf)
    assert result.returncode == 0, result.stderr
    assert NUMBER in words(pdf)
    before = pdf.read_bytes()
    source.write_text(json.dumps({**printable(), "currency": "XYZ"}), "utf-8")
    result = run_cli("invoice", source, pdf)
    assert result.returncode == 2
    assert "currency: expected TRY, USD, EUR, got 'XYZ'" in result.stderr
    assert pdf.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["invoice.json", "invoice.pdf"]


# ------------------------------------------------------------------ end to end


@pytest.fixture
def s3_store(s3_env):
    from cncworkbench.storage.s3 import S3Store

    return S3Store(s3_env.new_bucket(), s3_env.endpoint_url, "eu-central-1")


def test_an_issued_invoice_is_drawn_and_stored_in_s3(db, s3_store, monkeypatch, tmp_path):
    from cncworkbench.db.models import Invoice
    from cncworkbench.errors import ValidationError
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing, invoice_pdf
    from tests.support.people import make_user

    for key, value in {
        "CNC_SELLER_NAME": SELLER["name"],
        "CNC_SELLER_TAX_NO": SELLER_VKN,
        "CNC_SELLER_TAX_OFFICE": SELLER["tax_office"],
        "CNC_SELLER_ADDRESS": SELLER["address"],
        "CNC_SELLER_EMAIL": SELLER["email"],
        "CNC_SELLER_IBAN": SELLER["iban"],
    }.items():
        monkeypatch.setenv(key, value)
    buyer = make_user(
        db,
        "muhasebe@ozgurkalip.example",
        role="viewer",
        company_name=BUYER["name"],
        tax_no=BUYER_VKN,
        address="Organize Sanayi Bölgesi, Beyaz Cad. No: 14, Nilüfer / Bursa",
        phone="0532 123 45 67",
    )
    with db.session() as session:
        invoice = billing.create_invoice(
            session,
            Actor.system(),
            buyer,
            ITEMS,
            notes="Sipariş no: ÖK-2026/118",
            issue_prefix="CNC",
        )
        invoice_id, number = invoice.id, invoice.invoice_number
        assert len(number) == 16 and number.startswith("CNC")

    with db.session() as session, pytest.raises(ValidationError, match="has no PDF yet"):
        invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path / "indirilen")
    with db.session() as session:
        key = invoice_pdf.ensure_pdf(session, s3_store, Actor.system(), invoice_id)
    with db.session() as session:
        stored = session.scalar(sa.select(Invoice.pdf_s3_key).where(Invoice.id == invoice_id))
    assert stored == key and key.startswith("invoices/")
    assert key.endswith(f"{number}.{hashlib.sha256(s3_store.get_bytes(key)).hexdigest()}.pdf")
    data = s3_store.get_bytes(key)
    assert data.startswith(b"%PDF-")

    with db.session() as session:
        path = invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path / "indirilen")
    assert path == tmp_path / "indirilen" / f"{number}.pdf"
    assert path.read_bytes() == data
    text = words(path)
    for expected in (
        number,
        f"VKN: {BUYER_VKN}",
        f"VKN: {SELLER_VKN}",
        "Özgür Kalıp Makine Sanayi ve Ticaret Ltd. Şti.",
        "1.234,56",
        "Genel Toplam 29.728,26",
        "Yalnız yirmi dokuz bin yedi yüz yirmi sekiz Türk lirası yirmi altı kuruş",
        "Sipariş no: ÖK-2026/118",
    ):
        assert expected in text, expected
    assert "ÖDENDİ" not in text
    assert int(pdf_info(path)["Pages"]) == 1

    # Paid: drawn again, the new copy has the stamp and replaces the old one.
    with db.session() as session:
        billing.record_payment(
            session, Actor.system(), invoice_id, "bank", "EFT-2026-118", "transfer", "29728.26"
        )
        again = invoice_pdf.ensure_pdf(session, s3_store, Actor.system(), invoice_id)
    assert again != key
    with db.session() as session:
        path = invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path / "indirilen")
    assert path.read_bytes() == s3_store.get_bytes(again)
    assert "ÖDENDİ" in words(path)


def test_open_pdf_draws_and_stores_one_first(db, s3_store, tmp_path):
    from cncworkbench.db.models import Invoice
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing, invoice_pdf
    from tests.support.people import make_user

    buyer = make_user(
        db, "alici@atolye.example", company_name="Atölye Ltd.", tax_no=BUYER_VKN, address="Bursa"
    )
    with db.session() as session:
        invoice = billing.create_invoice(
            session, Actor.system(), buyer, ITEMS[1:], currency="USD", issue_prefix="CNC"
        )
        invoice_id, number = invoice.id, invoice.invoice_number
    with db.session() as session:
        path = invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path, Actor.system())
    with db.session() as session:
        key = session.scalar(sa.select(Invoice.pdf_s3_key).where(Invoice.id == invoice_id))
    assert key and path.read_bytes() == s3_store.get_bytes(key)
    text = words(path)
    assert number in text and "7.500,00 USD" in text and "ABD doları" in text


def test_a_pdf_changed_in_the_store_is_refused(db, s3_store, tmp_path):
    # Only downloads of models were checked: an invoice PDF replaced in the bucket was
    # handed out as it was. Its key now records its SHA-256.
    from cncworkbench.db.models import Invoice
    from cncworkbench.errors import ValidationError
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing, invoice_pdf
    from tests.support.people import make_user

    buyer = make_user(
        db, "alici@atolye.example", company_name="Atölye Ltd.", tax_no=BUYER_VKN, address="Bursa"
    )
    with db.session() as session:
        invoice = billing.create_invoice(
            session, Actor.system(), buyer, ITEMS[1:], issue_prefix="CNC"
        )
        invoice_id = invoice.id
        key = invoice_pdf.ensure_pdf(session, s3_store, Actor.system(), invoice_id)
    forged = s3_store.get_bytes(key) + b"\n% an incremental update that changes the total\n"
    s3_store.client.put_object(Bucket=s3_store.bucket, Key=key, Body=forged)
    target = tmp_path / "indirilen"
    with db.session() as session, pytest.raises(ValidationError, match="corrupted"):
        invoice_pdf.download_pdf(session, s3_store, invoice_id, target)
    assert not target.exists() or not any(target.iterdir())
    with db.session() as session:
        assert session.scalar(sa.select(Invoice.pdf_s3_key).where(Invoice.id == invoice_id)) == key


def test_an_english_copy_is_drawn_for_an_administrator_and_not_stored(db, s3_store, tmp_path):
    from cncworkbench.db.models import Invoice
    from cncworkbench.errors import PermissionDenied, ValidationError
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing, invoice_pdf
    from tests.support.people import make_user

    buyer = make_user(
        db, "einkauf@werkzeugbau.example", company_name="Werkzeugbau Schmid GmbH",
        tax_no=BUYER_VKN, address="Stuttgart",
    )  # fmt: skip
    with db.session() as session:
        invoice = billing.create_invoice(
            session, Actor.system(), buyer, ITEMS[1:], currency="EUR", issue_prefix="CNC"
        )
        invoice_id, number = invoice.id, invoice.invoice_number
        data = billing.printable_invoice(session, invoice_id, language="en")
    # the data of the copy: English words, the ISO code; amounts as the renderer takes them
    assert data["language"] == "en" and data["currency_sign"] == "EUR"
    assert data["total"] == "22.320,90"  # 15.000 + 3.600,75 + 20 % KDV 3.720,15
    assert data["total_in_words"] == (
        "Twenty-two thousand three hundred twenty euros and ninety cents only"
    )
    with db.session() as session:
        path = invoice_pdf.download_pdf(
            session, s3_store, invoice_id, tmp_path, Actor.system(), "en"
        )
    assert path == tmp_path / f"{number}-en.pdf"
    text = words(path)
    assert f"This is an English translation of Turkish invoice {number}" in text
    assert "Grand total 22,320.90 EUR" in text and "Werkzeugbau Schmid GmbH" in text
    with db.session() as session:  # a translation is not the tax document: nothing stored
        assert session.scalar(sa.select(Invoice.pdf_s3_key).where(Invoice.id == invoice_id)) is None
    assert list(s3_store.iter_objects()) == []

    with db.session() as session:  # the original is still the Turkish one
        original = invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path, Actor.system())
    assert original == tmp_path / f"{number}.pdf"
    assert "FATURA" in words(original) and "Genel Toplam 22.320,90 EUR" in words(original)

    viewer = Actor(buyer, "einkauf@werkzeugbau.example", "viewer")
    with db.session() as session:
        with pytest.raises(ValidationError, match="Only an administrator"):
            invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path, None, "en")
        with pytest.raises(PermissionDenied):
            invoice_pdf.download_pdf(session, s3_store, invoice_id, tmp_path, viewer, "en")
        with pytest.raises(ValidationError, match=r"prints in tr, en, not 'de'"):
            invoice_pdf.render_invoice_pdf(
                session, Actor.system(), invoice_id, tmp_path / "x.pdf", "de"
            )


def test_the_command_line_saves_either_language(db, owner_context, tmp_path):
    from click.testing import CliRunner

    from cncworkbench.cli import main
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing
    from tests.support.people import make_user

    buyer = make_user(
        db, "alici@atolye.example", company_name="Atölye Ltd.", tax_no=BUYER_VKN, address="Bursa"
    )
    with db.session() as session:
        invoice = billing.create_invoice(
            session, Actor.system(), buyer, ITEMS[:1], issue_prefix="CNC"
        )
        invoice_id, number = invoice.id, invoice.invoice_number
    runner = CliRunner()
    for language, name, expected in (
        ("en", f"{number}-en.pdf", "Grand total 7,407.36 TRY"),  # 6.172,80 + 1.234,56
        ("tr", f"{number}.pdf", "Genel Toplam 7.407,36 TL"),
    ):
        out = runner.invoke(
            main, ["invoice", "pdf", str(invoice_id), "--folder", str(tmp_path),
                   "--document-language", language],
        )  # fmt: skip
        assert out.exit_code == 0, out.output
        assert str(tmp_path / name) in out.output
        assert expected in words(tmp_path / name)
    bad = runner.invoke(main, ["invoice", "pdf", str(invoice_id), "--document-language", "de"])
    assert bad.exit_code != 0 and "'de' is not one of" in bad.output


def test_a_draft_has_no_pdf_to_store(db, s3_store):
    from cncworkbench.errors import ValidationError
    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.commerce import billing, invoice_pdf
    from tests.support.people import make_user

    buyer = make_user(
        db, "alici@atolye.example", company_name="Atölye Ltd.", tax_no=BUYER_VKN, address="Bursa"
    )
    with db.session() as session:
        draft = billing.create_invoice(session, Actor.system(), buyer, ITEMS[:1]).id
    with db.session() as session, pytest.raises(ValidationError, match="issue it first"):
        invoice_pdf.ensure_pdf(session, s3_store, Actor.system(), draft)
    assert list(s3_store.iter_objects()) == []
