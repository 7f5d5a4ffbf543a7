-- Renewals: the claims of a policy year as the no-claim discount sees them, for the
-- underwriters who renew (they may not read claim settlements themselves), and the index
-- the renewal queue and the batch walk.

-- The claims of each policy during its period, as the NCB counts them (DOMAIN §2):
--  * rejected and deleted claims are left out, and so are claims whose incident (a Bangkok
--    date) falls outside the policy's period;
--  * a claim counts against the NCB unless it has settlements and every one of them
--    (cancelled ones aside) was not at fault with a named counterparty: an open claim with
--    no settlement yet counts, as does one settled at fault or without a counterparty;
--  * its amount is the most settled figure known: settled, else approved, else assessed,
--    else estimated, else 0.
-- One row per policy that has such claims, the claims in incident order.
CREATE FUNCTION renewal_claims(p_policy_ids uuid[])
RETURNS TABLE (policy_id uuid, claims bigint, counts_against boolean[], amounts numeric[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT k.policy_id, count(*),
           array_agg(NOT COALESCE(s.not_at_fault_named, false) ORDER BY k.incident_date, k.id),
           array_agg(COALESCE(k.settled_amount, k.approved_amount, k.assessed_amount,
                              k.estimated_amount, 0) ORDER BY k.incident_date, k.id)
      FROM claims k
      JOIN policies p ON p.id = k.policy_id
      LEFT JOIN LATERAL (
          SELECT bool_and(NOT st.at_fault AND st.counterparty_named) AS not_at_fault_named
            FROM claim_settlements st
           WHERE st.claim_id = k.id AND st.status <> 'CANCELLED'
      ) s ON true
     WHERE k.policy_id = ANY (p_policy_ids)
       AND k.deleted_at IS NULL AND k.status <> 'REJECTED'
       AND (k.incident_date AT TIME ZONE 'Asia/Bangkok')::date BETWEEN p.start_date AND p.end_date
     GROUP BY k.policy_id
$$;

REVOKE ALL ON FUNCTION renewal_claims(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION renewal_claims(uuid[]) TO prakan_underwriter, prakan_auditor, prakan_admin;

-- The renewal window: policies in force or lapsed within the grace period, by end date
-- (and id, the order the queue pages and the batch locks in). idx_policies_expiry covers
-- ACTIVE only; without this the lapsed half scans every EXPIRED policy ever.
CREATE INDEX idx_policies_renewal_due ON policies (end_date, id)
    WHERE status IN ('ACTIVE', 'EXPIRED') AND deleted_at IS NULL;
