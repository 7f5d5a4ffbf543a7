# Field names in the history pane and the audit trail: the columns of every audited table
# (by column name: a column of the same name in several tables has one name), and the words
# for the status codes that have none elsewhere.

history-field = { $field ->
    [customer_type] type
    [first_name] first name
    [last_name] last name
    [first_name_en] first name (English)
    [last_name_en] last name (English)
    [national_id] national ID
    [branch_code] branch
    [date_of_birth] date of birth
    [gender] gender
    [phone_number] phone
    [email] e-mail
    [address] address
    [tambon_code] tambon
    [postal_code] postcode
    [agent_id] agent
    [account_status] account
    [kyc_status] KYC
    [preferred_language] language
    [marketing_consent] marketing
    [sms_notifications] SMS notices
    [email_notifications] e-mail notices
    [registration_number] plate
    [province_code] province
    [plate_label] plate label
    [make] make
    [model] model
    [year_of_manufacture] year
    [engine_cc] engine cc
    [seats] seats
    [vehicle_type] vehicle type
    [fuel_type] fuel
    [color] colour
    [chassis_number] chassis no.
    [usage_type] usage
    [parking_location] parking
    [annual_mileage] km a year
    [purpose] purpose
    [lawful_basis] lawful basis
    [consent_text_version] text version
    [channel] channel
    [withdrawn_at] withdrawn
    [withdrawal_channel] withdrawn through
    [evidence_reference] evidence
    [status] status
    [deleted_at] deleted
    [id] record ID
    [created_at] created
    [created_by] created by
    [updated_at] last changed
    [updated_by] last changed by
    [version] revision
    [deleted_by] deleted by
    [customer_id] customer
    [vehicle_id] vehicle
    [policy_id] policy
    [claim_id] claim
    [payment_id] payment
    [payment_created_at] payment booked at
    [user_id] staff member
    [national_id_masked] national ID (masked)
    [name_tokens] name search words
    [description] description
    [is_active] in use
    [is_sensitive] sensitive
    [language] language
    [original_filename] file name
    [file_name] file name
    [file_path] file path
    [file_size] file size
    [mime_type] file type
    [sha256] SHA-256
    [file_sha256] SHA-256
    [document_type] document type
    [reviewed_at] reviewed
    [reviewed_by] reviewed by
    [username] username
    [password_changed_at] password changed
    [employee_id] employee ID
    [group_role] group
    [authority_limit] authority limit
    [department] department
    [email_verified] e-mail verified
    [phone_verified] phone verified
    [last_login_at] last login
    [last_login_ip] last login IP
    [profile_picture_url] profile picture
    [timezone] time zone
    [sessions] sessions
    [sessions_ended] sessions ended
    [connections_ended] connections ended
    [pids] connection PIDs
    [session_id] session ID
    [backend_pid] connection PID
    [ip_address] IP address
    [user_agent] client program
    [device_info] device
    [location_info] location
    [login_method] login method
    [last_activity_at] last activity
    [expires_at] expires
    [terminated_at] ended
    [termination_reason] why ended
    [verification_date] checked
    [registration_valid] registration valid
    [tax_paid] road tax paid
    [registration_expiry] registration expires
    [dlt_response] DLT response
    [dlt_reference_number] DLT reference
    [verified_by] checked by
    [verification_method] method
    [given_at] given
    [verification_status] verification
    [expires_on] expires on
    [policy_number] policy number
    [quote_number] quote number
    [policy_type] policy type
    [cover_kind] cover kind
    [coverage_details] cover details
    [sum_insured] sum insured
    [base_premium] base premium
    [discounts] discounts
    [net_premium] net premium
    [stamp_duty] stamp duty
    [vat] VAT
    [total_premium] total premium
    [start_date] cover starts
    [end_date] cover ends
    [policy_period_months] period (months)
    [no_claim_discount] no-claim discount (%)
    [auto_renewal] auto-renewal
    [previous_policy_id] previous policy
    [renewal_count] times renewed
    [payment_plan] payment plan
    [payment_frequency] payment frequency
    [issued_at] issued
    [cancelled_at] cancelled
    [cancellation_code] cancellation reason
    [cancellation_reason] cancellation note
    [cancelled_by_party] cancelled by
    [document_name] document name
    [is_official] official copy
    [version_number] version no.
    [generated_at] generated
    [template_id] template
    [template_version] template version
    [original_policy_id] original policy
    [renewed_policy_id] renewed policy
    [renewal_type] renewal type
    [renewal_date] renewed
    [premium_change] premium change
    [coverage_changes] cover changes
    [discount_change] discount change
    [initiated_by] initiated by
    [renewal_channel] renewal channel
    [rule] rule
    [reason] reason
    [required_authority] authority needed
    [decided_by] decided by
    [decided_at] decided
    [decision_note] decision note
    [claim_number] claim number
    [adjuster_id] adjuster
    [surveyor_id] surveyor
    [incident_date] incident date
    [reported_date] reported
    [claim_type] claim type
    [sub_status] sub-status
    [incident_description] what happened
    [damage_description] damage
    [injury_description] injuries
    [incident_location] place of incident
    [incident_province_code] province of incident
    [estimated_amount] estimate
    [assessed_amount] assessed amount
    [approved_amount] approved amount
    [settled_amount] settled amount
    [deductible_amount] deductible
    [assessment_date] assessed on
    [approval_date] approved on
    [settlement_date] settled on
    [closure_date] closed on
    [police_report_number] police report no.
    [court_case_number] court case no.
    [other_party_info] other party
    [fraud_score] fraud score
    [fraud_flags] fraud flags
    [requires_investigation] needs investigation
    [repair_shop_id] repair shop
    [hospital_id] hospital
    [own_damage_claimed] own damage claimed
    [transition_reason] reason for the change
    [approved_by] approved by
    [approval_requested_amount] amount put up for approval
    [approval_requested_by] approval asked by
    [approval_requested_at] approval asked
    [queue_amount] amount for the queue
    [document_category] document category
    [is_required] required
    [upload_status] document status
    [review_notes] review notes
    [extracted_text] extracted text
    [extracted_data] extracted data
    [uploaded_at] uploaded
    [uploaded_by] uploaded by
    [assessor_id] assessor
    [assessor_type] assessor type
    [assessment_type] assessment type
    [damage_assessment] damage items
    [repair_estimates] repair quotes
    [total_loss_assessment] total loss
    [salvage_value] salvage value
    [liability_percentage] liability (%)
    [contributing_factors] contributing factors
    [recommended_amount] recommended amount
    [recommended_action] recommendation
    [assessment_notes] assessment notes
    [qa_reviewed] QA reviewed
    [qa_reviewer_id] QA reviewer
    [qa_notes] QA notes
    [settlement_type] settlement type
    [payee_type] payee type
    [payee_name] payee
    [gross_amount] gross amount
    [excess_amount] excess
    [salvage_amount] salvage deducted
    [net_amount] net amount
    [at_fault] insured at fault
    [counterparty_named] counterparty named
    [settled_at] paid
    [payment_type] payment type
    [payment_direction] in or out
    [amount] amount
    [currency] currency
    [fees] fees
    [total_amount] total
    [payment_method] payment method
    [payment_channel] payment channel
    [payment_status] payment status
    [transaction_reference] transaction reference
    [gateway_transaction_id] gateway transaction ID
    [authorization_code] authorisation code
    [payment_date] paid on
    [due_date] due date
    [processed_at] processed
    [installment_number] instalment no.
    [total_installments] instalments
    [gateway_provider] payment gateway
    [gateway_response] gateway response
    [card_last_four] card's last four
    [card_type] card type
    [card_token] card token
    [bank_code] bank
    [bank_account_number] bank account no.
    [reconciliation_status] reconciliation
    [reconciled_at] reconciled
    [overdue_since] overdue since
    [transaction_type] transaction type
    [failure_reason] failure reason
    [raw_response] raw response
    [occurred_at] occurred
    [bank_reference] bank reference
    [receipt_number] receipt number
    [receipt_type] receipt type
    [file_format] file format
    [tax_invoice_number] tax invoice number
    [vat_amount] VAT
    [withholding_tax] withholding tax
    [issued_date] issued on
    [issued_by] issued by
    [delivery_method] delivery
    [delivered_at] delivered
    [voided_at] voided
    [void_reason] void reason
    [seller_name] seller's name
    [seller_address] seller's address
    [seller_tax_id] seller's tax ID
    [seller_branch] seller's branch
    [buyer_name] buyer's name
    [buyer_address] buyer's address
    [buyer_tax_id] buyer's tax ID
    [buyer_branch] buyer's branch
    [amount_before_vat] amount before VAT
    [amount_received] amount received
    [copies_printed] copies printed
    [config_key] setting
    [config_category] category
    [config_value] value
    [config_type] value type
    [is_readonly] read-only
    [environment] environment
    [validation_regex] accepted pattern
    [min_value] minimum
    [max_value] maximum
    [effective_from] in force from
    [own_damage_rate] own-damage rate
    [factor_kind] factor
    [lower_bound] from
    [upper_bound] up to
    [multiplier] multiplier
    [code] code
    [account_number] account number
    [account_name] account name
    [name] name
    [mapping] column mapping
    [bank_account_id] bank account
    [profile_code] statement profile
    [period_from] period from
    [period_to] period to
    [opening_balance] opening balance
    [closing_balance] closing balance
    [line_count] lines
    [new_line_count] new lines
    [imported_at] imported
    [statement_id] statement
    [line_number] line no.
    [line_key] line key
    [booked_at] booked
    [ref1] Ref1
    [ref2] Ref2
    [balance] balance
    [matched_amount] matched amount
    [matched_rule] matched by
    [dispute_note] dispute note
    [line_id] statement line
    [previous_payment_status] payment status before
    [matched_at] matched
    [undone_at] undone
    [undone_by] undone by
    [undo_reason] why undone
   *[other] { $field }
}

history-settlement-status = { $value ->
    [PENDING] waiting to be paid
    [PAID] paid
    [CANCELLED] cancelled
   *[other] { $value }
}
history-reconciliation-status = { $value ->
    [PENDING] waiting
    [MATCHED] matched
    [UNMATCHED] unmatched
    [DISPUTED] disputed
   *[other] { $value }
}
