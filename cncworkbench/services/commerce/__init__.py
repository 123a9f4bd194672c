"""Selling and accounting: invoices and payments (Turkish KDV), invoice PDFs and the
ERP/MES exchange (outbox, delivery, inbound orders). Builds on access/, jobs/ and pdm/."""
