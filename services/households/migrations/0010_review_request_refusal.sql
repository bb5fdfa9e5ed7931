-- The written refusal of a household's review request (văn bản từ chối): for a form 04
-- request, "a refusal must be written, with reasons" (Quyết định 24/2021/QĐ-TTg, Art. 5).
-- A refused request is never pulled into a round; the refusal is whole or absent.
ALTER TABLE review_request
  ADD COLUMN refusal_document_number text,
  ADD COLUMN refused_on date,
  ADD COLUMN refusal_reason text,
  ADD COLUMN refusal_signer text,
  ADD COLUMN refused_by text,
  ADD CONSTRAINT review_request_refusal_whole CHECK (
    (refused_on IS NULL) = (refusal_document_number IS NULL)
    AND (refused_on IS NULL) = (refusal_reason IS NULL)
    AND (refused_on IS NULL) = (refusal_signer IS NULL)
    AND (refused_on IS NULL) = (refused_by IS NULL)
  ),
  ADD CONSTRAINT review_request_refused_not_listed CHECK (refused_on IS NULL OR round_id IS NULL),
  ADD CONSTRAINT review_request_refused_after_receipt CHECK (refused_on >= received_on);

-- The requests of a commune, newest received first (ListReviewRequests).
CREATE INDEX review_request_commune ON review_request (commune_code, received_on DESC, id DESC);
