
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "categories": {
                  Row: {
                    "name_en": string,"name_he": string,"parent_slug": string | null,"slug": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "name_en": string,"name_he": string,"parent_slug"?: string | null,"slug": string,"sort_order"?: number
                  }
                  Update: {
                    "name_en"?: string,"name_he"?: string,"parent_slug"?: string | null,"slug"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "categories_parent_slug_fkey"
      columns: ["parent_slug"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["slug"]
    }
                  ]
                },"cities": {
                  Row: {
                    "country_code": string,"latitude": number,"longitude": number,"name_en": string,"name_he": string,"slug": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "country_code": string,"latitude": number,"longitude": number,"name_en": string,"name_he": string,"slug": string,"sort_order"?: number
                  }
                  Update: {
                    "country_code"?: string,"latitude"?: number,"longitude"?: number,"name_en"?: string,"name_he"?: string,"slug"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    
                  ]
                },"city_distances": {
                  Row: {
                    "from_city": string,"km": number,"to_city": string
                  }
                  ComputedFields: never
                  Insert: {
                    "from_city": string,"km": number,"to_city": string
                  }
                  Update: {
                    "from_city"?: string,"km"?: number,"to_city"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "city_distances_from_city_fkey"
      columns: ["from_city"]
isOneToOne: false
      referencedRelation: "cities"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "city_distances_to_city_fkey"
      columns: ["to_city"]
isOneToOne: false
      referencedRelation: "cities"
      referencedColumns: ["slug"]
    }
                  ]
                },"expert_categories": {
                  Row: {
                    "category": string,"expert_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "category": string,"expert_id": string
                  }
                  Update: {
                    "category"?: string,"expert_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "expert_categories_category_fkey"
      columns: ["category"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "expert_categories_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"expert_private": {
                  Row: {
                    "created_at": string,"decided_at": string | null,"decision_note": string | null,"expert_id": string,"payout_account": string | null,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"decided_at"?: string | null,"decision_note"?: string | null,"expert_id": string,"payout_account"?: string | null,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"decided_at"?: string | null,"decision_note"?: string | null,"expert_id"?: string,"payout_account"?: string | null,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "expert_private_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: true
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"experts": {
                  Row: {
                    "approved_at": string | null,"bio": string,"city": string,"created_at": string,"currency": string,"display_name": string,"headline": string | null,"hourly_rate": number | null,"id": string,"languages": (string)[],"service_radius_km": number,"specialties": (string)[],"status": Database["public"]['Enums']["expert_status"],"submitted_at": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "approved_at"?: string | null,"bio": string,"city": string,"created_at"?: string,"currency"?: string,"display_name": string,"headline"?: string | null,"hourly_rate"?: number | null,"id"?: string,"languages"?: (string)[],"service_radius_km"?: number,"specialties"?: (string)[],"status"?: Database["public"]['Enums']["expert_status"],"submitted_at"?: string,"updated_at"?: string
                  }
                  Update: {
                    "approved_at"?: string | null,"bio"?: string,"city"?: string,"created_at"?: string,"currency"?: string,"display_name"?: string,"headline"?: string | null,"hourly_rate"?: number | null,"id"?: string,"languages"?: (string)[],"service_radius_km"?: number,"specialties"?: (string)[],"status"?: Database["public"]['Enums']["expert_status"],"submitted_at"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "experts_city_fkey"
      columns: ["city"]
isOneToOne: false
      referencedRelation: "cities"
      referencedColumns: ["slug"]
    }
                  ]
                },"fee_policies": {
                  Row: {
                    "consumer_platform_percent": number,"created_at": string,"effective_from": string,"referral_platform_percent": number,"referrer_share_max_percent": number,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "consumer_platform_percent": number,"created_at"?: string,"effective_from"?: string,"referral_platform_percent": number,"referrer_share_max_percent": number,"version": number
                  }
                  Update: {
                    "consumer_platform_percent"?: number,"created_at"?: string,"effective_from"?: string,"referral_platform_percent"?: number,"referrer_share_max_percent"?: number,"version"?: number
                  }
                  Relationships: [
                    
                  ]
                },"fee_policy_minimums": {
                  Row: {
                    "currency": string,"minimum_job_cents": number,"policy_version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "currency": string,"minimum_job_cents": number,"policy_version": number
                  }
                  Update: {
                    "currency"?: string,"minimum_job_cents"?: number,"policy_version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "fee_policy_minimums_policy_version_fkey"
      columns: ["policy_version"]
isOneToOne: false
      referencedRelation: "fee_policies"
      referencedColumns: ["version"]
    }
                  ]
                },"languages": {
                  Row: {
                    "code": string,"name_en": string,"name_he": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"name_en": string,"name_he": string,"sort_order"?: number
                  }
                  Update: {
                    "code"?: string,"name_en"?: string,"name_he"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    
                  ]
                },"profiles": {
                  Row: {
                    "avatar_url": string | null,"created_at": string,"display_name": string,"id": string,"locale": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"created_at"?: string,"display_name"?: string,"id": string,"locale"?: string,"updated_at"?: string
                  }
                  Update: {
                    "avatar_url"?: string | null,"created_at"?: string,"display_name"?: string,"id"?: string,"locale"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"proposals": {
                  Row: {
                    "created_at": string,"currency": string,"decided_at": string | null,"expert_id": string,"id": string,"lead_id": string,"message": string,"price_cents": number,"proposed_date": string | null,"status": Database["public"]['Enums']["proposal_status"],"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"currency": string,"decided_at"?: string | null,"expert_id": string,"id"?: string,"lead_id": string,"message": string,"price_cents": number,"proposed_date"?: string | null,"status"?: Database["public"]['Enums']["proposal_status"],"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"currency"?: string,"decided_at"?: string | null,"expert_id"?: string,"id"?: string,"lead_id"?: string,"message"?: string,"price_cents"?: number,"proposed_date"?: string | null,"status"?: Database["public"]['Enums']["proposal_status"],"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "proposals_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "proposals_lead_id_fkey"
      columns: ["lead_id"]
isOneToOne: false
      referencedRelation: "leads"
      referencedColumns: ["id"]
    }
                  ]
                },"referrals": {
                  Row: {
                    "created_at": string,"from_expert_id": string,"id": string,"lead_id": string,"referrer_share_percent": number,"responded_at": string | null,"status": Database["public"]['Enums']["referral_status"],"to_expert_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"from_expert_id": string,"id"?: string,"lead_id": string,"referrer_share_percent": number,"responded_at"?: string | null,"status"?: Database["public"]['Enums']["referral_status"],"to_expert_id": string
                  }
                  Update: {
                    "created_at"?: string,"from_expert_id"?: string,"id"?: string,"lead_id"?: string,"referrer_share_percent"?: number,"responded_at"?: string | null,"status"?: Database["public"]['Enums']["referral_status"],"to_expert_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "referrals_from_expert_id_fkey"
      columns: ["from_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "referrals_lead_id_fkey"
      columns: ["lead_id"]
isOneToOne: false
      referencedRelation: "leads"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "referrals_to_expert_id_fkey"
      columns: ["to_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"reviews": {
                  Row: {
                    "body": string | null,"created_at": string,"expert_id": string,"id": string,"lead_id": string,"reviewer_name": string,"stars": number
                  }
                  ComputedFields: never
                  Insert: {
                    "body"?: string | null,"created_at"?: string,"expert_id": string,"id"?: string,"lead_id": string,"reviewer_name": string,"stars": number
                  }
                  Update: {
                    "body"?: string | null,"created_at"?: string,"expert_id"?: string,"id"?: string,"lead_id"?: string,"reviewer_name"?: string,"stars"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "reviews_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "reviews_lead_id_fkey"
      columns: ["lead_id"]
isOneToOne: true
      referencedRelation: "leads"
      referencedColumns: ["id"]
    }
                  ]
                },"user_roles": {
                  Row: {
                    "granted_at": string,"role": Database["public"]['Enums']["app_role"],"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "granted_at"?: string,"role": Database["public"]['Enums']["app_role"],"user_id": string
                  }
                  Update: {
                    "granted_at"?: string,"role"?: Database["public"]['Enums']["app_role"],"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                }
          }
          Views: {
            "chargebacks": {
                  Row: {
                    "amount_cents": number,"closed_at": string | null,"currency": string,"id": string,"opened_at": string,"outcome": string | null,"payable_id": string,"reason": string | null,"reversed_cents": number,"stripe_status": string
                  }
                  ComputedFields: never
                  Insert: {
                           "amount_cents"?: number | null,"closed_at"?: string | null,"currency"?: string | null,"id"?: string | null,"opened_at"?: string | null,"outcome"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"reversed_cents"?: number | null,"stripe_status"?: string | null
                         }
                        Update: {
                           "amount_cents"?: number | null,"closed_at"?: string | null,"currency"?: string | null,"id"?: string | null,"opened_at"?: string | null,"outcome"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"reversed_cents"?: number | null,"stripe_status"?: string | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "chargebacks_payable_id_fkey"
      columns: ["payable_id"]
isOneToOne: false
      referencedRelation: "payables"
      referencedColumns: ["id"]
    }
                  ]
                },"contact_access_logs": {
                  Row: {
                    "created_at": string,"fields": (string)[],"id": number,"ip": unknown,"lead_id": string,"revealer_expert_id": string | null,"revealer_role": string,"revealer_user_id": string | null,"user_agent": string | null
                  }
                  ComputedFields: never
                  Insert: {
                           "created_at"?: string | null,"fields"?: (string)[] | null,"id"?: number | null,"ip"?: never,"lead_id"?: string | null,"revealer_expert_id"?: string | null,"revealer_role"?: string | null,"revealer_user_id"?: never,"user_agent"?: never
                         }
                        Update: {
                           "created_at"?: string | null,"fields"?: (string)[] | null,"id"?: number | null,"ip"?: never,"lead_id"?: string | null,"revealer_expert_id"?: string | null,"revealer_role"?: string | null,"revealer_user_id"?: never,"user_agent"?: never
                         }
                        Relationships: [
                    {
      foreignKeyName: "contact_access_logs_lead_id_fkey"
      columns: ["lead_id"]
isOneToOne: false
      referencedRelation: "leads"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contact_access_logs_revealer_expert_id_fkey"
      columns: ["revealer_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"disputes": {
                  Row: {
                    "created_at": string,"id": string,"message": string,"opened_by_role": string,"outcome": string | null,"payable_id": string,"reason": string,"refund_cents": number | null,"resolution_note": string | null,"resolved_at": string | null,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                           "created_at"?: string | null,"id"?: string | null,"message"?: string | null,"opened_by_role"?: string | null,"outcome"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"refund_cents"?: number | null,"resolution_note"?: string | null,"resolved_at"?: string | null,"status"?: string | null
                         }
                        Update: {
                           "created_at"?: string | null,"id"?: string | null,"message"?: string | null,"opened_by_role"?: string | null,"outcome"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"refund_cents"?: number | null,"resolution_note"?: string | null,"resolved_at"?: string | null,"status"?: string | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "disputes_payable_id_fkey"
      columns: ["payable_id"]
isOneToOne: true
      referencedRelation: "payables"
      referencedColumns: ["id"]
    }
                  ]
                },"expert_ratings": {
                  Row: {
                    "average_stars": number | null,"expert_id": string,"review_count": number | null
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "reviews_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"leads": {
                  Row: {
                    "assigned_at": string | null,"budget_cents": number | null,"cancelled_at": string | null,"category": string,"city": string,"client_email_hint": string | null,"client_name_hint": string,"client_phone_hint": string,"created_at": string,"currency": string,"expires_at": string,"id": string,"is_mine": boolean | null,"kind": Database["public"]['Enums']["lead_kind"],"proposal_count": number,"referrer_expert_id": string | null,"referrer_share_percent": number,"share_locked": boolean | null,"status": Database["public"]['Enums']["lead_status"],"summary": string,"title": string,"visibility": Database["public"]['Enums']["lead_visibility"]
                  }
                  ComputedFields: never
                  Insert: {
                           "assigned_at"?: string | null,"budget_cents"?: number | null,"cancelled_at"?: string | null,"category"?: string | null,"city"?: string | null,"client_email_hint"?: string | null,"client_name_hint"?: string | null,"client_phone_hint"?: string | null,"created_at"?: string | null,"currency"?: string | null,"expires_at"?: string | null,"id"?: string | null,"is_mine"?: never,"kind"?: Database["public"]['Enums']["lead_kind"] | null,"proposal_count"?: number | null,"referrer_expert_id"?: string | null,"referrer_share_percent"?: number | null,"share_locked"?: never,"status"?: Database["public"]['Enums']["lead_status"] | null,"summary"?: string | null,"title"?: string | null,"visibility"?: Database["public"]['Enums']["lead_visibility"] | null
                         }
                        Update: {
                           "assigned_at"?: string | null,"budget_cents"?: number | null,"cancelled_at"?: string | null,"category"?: string | null,"city"?: string | null,"client_email_hint"?: string | null,"client_name_hint"?: string | null,"client_phone_hint"?: string | null,"created_at"?: string | null,"currency"?: string | null,"expires_at"?: string | null,"id"?: string | null,"is_mine"?: never,"kind"?: Database["public"]['Enums']["lead_kind"] | null,"proposal_count"?: number | null,"referrer_expert_id"?: string | null,"referrer_share_percent"?: number | null,"share_locked"?: never,"status"?: Database["public"]['Enums']["lead_status"] | null,"summary"?: string | null,"title"?: string | null,"visibility"?: Database["public"]['Enums']["lead_visibility"] | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "leads_category_fkey"
      columns: ["category"]
isOneToOne: false
      referencedRelation: "categories"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "leads_city_fkey"
      columns: ["city"]
isOneToOne: false
      referencedRelation: "cities"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "leads_referrer_expert_id_fkey"
      columns: ["referrer_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"payables": {
                  Row: {
                    "amount_cents": number,"auto_confirm_at": string | null,"completed_at": string | null,"created_at": string,"currency": string,"done_at": string | null,"fee_policy_version": number,"hold_until": string | null,"id": string,"is_payer": boolean | null,"lead_id": string,"paid_at": string | null,"payer_kind": string,"performer_expert_id": string,"performer_net_cents": number,"platform_fee_cents": number,"platform_percent": number,"proposal_id": string,"referrer_expert_id": string | null,"referrer_fee_cents": number,"referrer_share_percent": number,"refunded_cents": number,"released_at": string | null,"status": Database["public"]['Enums']["payable_status"]
                  }
                  ComputedFields: never
                  Insert: {
                           "amount_cents"?: number | null,"auto_confirm_at"?: never,"completed_at"?: string | null,"created_at"?: string | null,"currency"?: string | null,"done_at"?: string | null,"fee_policy_version"?: number | null,"hold_until"?: string | null,"id"?: string | null,"is_payer"?: never,"lead_id"?: string | null,"paid_at"?: string | null,"payer_kind"?: string | null,"performer_expert_id"?: string | null,"performer_net_cents"?: number | null,"platform_fee_cents"?: number | null,"platform_percent"?: number | null,"proposal_id"?: string | null,"referrer_expert_id"?: string | null,"referrer_fee_cents"?: number | null,"referrer_share_percent"?: number | null,"refunded_cents"?: number | null,"released_at"?: string | null,"status"?: Database["public"]['Enums']["payable_status"] | null
                         }
                        Update: {
                           "amount_cents"?: number | null,"auto_confirm_at"?: never,"completed_at"?: string | null,"created_at"?: string | null,"currency"?: string | null,"done_at"?: string | null,"fee_policy_version"?: number | null,"hold_until"?: string | null,"id"?: string | null,"is_payer"?: never,"lead_id"?: string | null,"paid_at"?: string | null,"payer_kind"?: string | null,"performer_expert_id"?: string | null,"performer_net_cents"?: number | null,"platform_fee_cents"?: number | null,"platform_percent"?: number | null,"proposal_id"?: string | null,"referrer_expert_id"?: string | null,"referrer_fee_cents"?: number | null,"referrer_share_percent"?: number | null,"refunded_cents"?: number | null,"released_at"?: string | null,"status"?: Database["public"]['Enums']["payable_status"] | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "payables_fee_policy_version_fkey"
      columns: ["fee_policy_version"]
isOneToOne: false
      referencedRelation: "fee_policies"
      referencedColumns: ["version"]
    },{
      foreignKeyName: "payables_lead_id_fkey"
      columns: ["lead_id"]
isOneToOne: true
      referencedRelation: "leads"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payables_performer_expert_id_fkey"
      columns: ["performer_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payables_proposal_id_fkey"
      columns: ["proposal_id"]
isOneToOne: true
      referencedRelation: "proposals"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payables_referrer_expert_id_fkey"
      columns: ["referrer_expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"payments": {
                  Row: {
                    "amount_cents": number,"created_at": string,"currency": string,"failed_at": string | null,"id": string,"paid_at": string | null,"payable_id": string,"status": Database["public"]['Enums']["payment_status"]
                  }
                  ComputedFields: never
                  Insert: {
                           "amount_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"failed_at"?: string | null,"id"?: string | null,"paid_at"?: string | null,"payable_id"?: string | null,"status"?: Database["public"]['Enums']["payment_status"] | null
                         }
                        Update: {
                           "amount_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"failed_at"?: string | null,"id"?: string | null,"paid_at"?: string | null,"payable_id"?: string | null,"status"?: Database["public"]['Enums']["payment_status"] | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "payments_payable_id_fkey"
      columns: ["payable_id"]
isOneToOne: false
      referencedRelation: "payables"
      referencedColumns: ["id"]
    }
                  ]
                },"payout_accounts": {
                  Row: {
                    "charges_enabled": boolean,"details_submitted": boolean,"disabled_reason": string | null,"expert_id": string,"payouts_enabled": boolean,"ready": boolean | null,"requirements_due": (string)[],"stripe_account_id": string,"transfers_active": boolean,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                           "charges_enabled"?: boolean | null,"details_submitted"?: boolean | null,"disabled_reason"?: string | null,"expert_id"?: string | null,"payouts_enabled"?: boolean | null,"ready"?: never,"requirements_due"?: (string)[] | null,"stripe_account_id"?: string | null,"transfers_active"?: boolean | null,"updated_at"?: string | null
                         }
                        Update: {
                           "charges_enabled"?: boolean | null,"details_submitted"?: boolean | null,"disabled_reason"?: string | null,"expert_id"?: string | null,"payouts_enabled"?: boolean | null,"ready"?: never,"requirements_due"?: (string)[] | null,"stripe_account_id"?: string | null,"transfers_active"?: boolean | null,"updated_at"?: string | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "payout_accounts_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: true
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"payout_batches": {
                  Row: {
                    "created_at": string,"executed_at": string | null,"id": string,"in_progress": number | null,"payouts": number | null,"period_end": string,"scheduled": boolean | null,"totals": Json | null
                  }
                  ComputedFields: never
                  Insert: {
                           "created_at"?: string | null,"executed_at"?: string | null,"id"?: string | null,"in_progress"?: never,"payouts"?: never,"period_end"?: string | null,"scheduled"?: never,"totals"?: never
                         }
                        Update: {
                           "created_at"?: string | null,"executed_at"?: string | null,"id"?: string | null,"in_progress"?: never,"payouts"?: never,"period_end"?: string | null,"scheduled"?: never,"totals"?: never
                         }
                        Relationships: [
                    
                  ]
                },"payouts": {
                  Row: {
                    "amount_cents": number,"available_cents": number,"batch_id": string,"carry_netted_cents": number,"created_at": string,"currency": string,"expert_id": string,"failed_at": string | null,"failure_reason": string | null,"id": string,"paid_at": string | null,"reversed_cents": number,"status": string,"transfer_id": string | null,"transferred_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                           "amount_cents"?: number | null,"available_cents"?: number | null,"batch_id"?: string | null,"carry_netted_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"expert_id"?: string | null,"failed_at"?: string | null,"failure_reason"?: string | null,"id"?: string | null,"paid_at"?: string | null,"reversed_cents"?: number | null,"status"?: string | null,"transfer_id"?: string | null,"transferred_at"?: string | null
                         }
                        Update: {
                           "amount_cents"?: number | null,"available_cents"?: number | null,"batch_id"?: string | null,"carry_netted_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"expert_id"?: string | null,"failed_at"?: string | null,"failure_reason"?: string | null,"id"?: string | null,"paid_at"?: string | null,"reversed_cents"?: number | null,"status"?: string | null,"transfer_id"?: string | null,"transferred_at"?: string | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "payouts_batch_id_fkey"
      columns: ["batch_id"]
isOneToOne: false
      referencedRelation: "payout_batches"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "payouts_expert_id_fkey"
      columns: ["expert_id"]
isOneToOne: false
      referencedRelation: "experts"
      referencedColumns: ["id"]
    }
                  ]
                },"refunds": {
                  Row: {
                    "amount_cents": number,"created_at": string,"currency": string,"dispute_id": string | null,"failed_at": string | null,"id": string,"note": string | null,"payable_id": string,"reason": string,"status": string,"succeeded_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                           "amount_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"dispute_id"?: string | null,"failed_at"?: string | null,"id"?: string | null,"note"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"status"?: string | null,"succeeded_at"?: string | null
                         }
                        Update: {
                           "amount_cents"?: number | null,"created_at"?: string | null,"currency"?: string | null,"dispute_id"?: string | null,"failed_at"?: string | null,"id"?: string | null,"note"?: string | null,"payable_id"?: string | null,"reason"?: string | null,"status"?: string | null,"succeeded_at"?: string | null
                         }
                        Relationships: [
                    {
      foreignKeyName: "refunds_dispute_id_fkey"
      columns: ["dispute_id"]
isOneToOne: false
      referencedRelation: "disputes"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "refunds_payable_id_fkey"
      columns: ["payable_id"]
isOneToOne: false
      referencedRelation: "payables"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Functions: {
            "accept_proposal":
{ Args: { "proposal_id": string }; Returns: string
                           },
"admin_audit_log":
{ Args: { "max_rows"?: number }; Returns: {
              "action": string,"actor_id": string,"created_at": string,"details": Json,"id": number,"ip": unknown,"target_id": string,"target_table": string
            }[]
                           },
"admin_ledger_movements":
{ Args: { "after_entry_id"?: number,"from_at": string,"to_at": string }; Returns: {
              "account": string,"amount_cents": number,"currency": string,"effective_at": string,"entry_id": number,"expert_id": string,"kind": string,"payable_id": string,"transaction_id": number
            }[]
                           },
"admin_money_positions":
{ Args: Record<PropertyKey, never>; Returns: {
              "available_cents": number,"chargebacks_held_cents": number,"currency": string,"expert_carry_cents": number,"expert_escrow_cents": number,"net_revenue_cents": number,"open_chargebacks": number,"open_disputes": number,"payer_refunds_due_cents": number,"payouts_in_flight_cents": number,"pending_cents": number,"platform_escrow_cents": number,"processor_fees_cents": number,"revenue_cents": number,"stripe_clearing_cents": number
            }[]
                           },
"admin_user_profile":
{ Args: { "user_id": string }; Returns: {
              "avatar_url": string,"created_at": string,"display_name": string,"email": string,"id": string,"locale": string,"roles": (Database["public"]['Enums']["app_role"])[]
            }[]
                           },
"apply_as_expert":
{ Args: { "bio": string,"categories": (string)[],"city": string,"currency"?: string,"display_name": string,"headline"?: string,"hourly_rate"?: number,"languages"?: (string)[],"service_radius_km"?: number,"specialties"?: (string)[] }; Returns: string
                           },
"apply_stripe_event":
{ Args: { "event": Json,"processor_fee_cents"?: number }; Returns: string
                           },
"cancel_lead":
{ Args: { "lead_id": string }; Returns: Database["public"]['Enums']["lead_status"]
                           },
"claim_pay_link":
{ Args: { "token": string }; Returns: string
                           },
"confirm_job_done":
{ Args: { "lead_id": string }; Returns: Database["public"]['Enums']["lead_status"]
                           },
"create_lead":
{ Args: { "budget_cents": number,"category": string,"city": string,"client_address": string,"client_email": string,"client_name": string,"client_phone": string,"currency": string,"details": string,"kind": string,"referrer_share_percent"?: number,"summary": string,"title": string,"visibility"?: string }; Returns: string
                           },
"create_pay_link":
{ Args: { "payable_id": string }; Returns: string
                           },
"create_payout_batch":
{ Args: { "period_end": string }; Returns: string
                           },
"decide_expert_application":
{ Args: { "approve": boolean,"expert_id": string,"note"?: string }; Returns: Database["public"]['Enums']["expert_status"]
                           },
"grant_admin":
{ Args: { "user_id": string }; Returns: undefined
                           },
"lead_board":
{ Args: { "before_created_at"?: string,"before_id"?: string,"category_slug"?: string,"lead_kind"?: string,"max_budget_cents"?: number,"max_distance_km"?: number,"min_budget_cents"?: number,"page_size"?: number }; Returns: {
              "budget_cents": number,"category": string,"city": string,"created_at": string,"currency": string,"distance_km": number,"expires_at": string,"id": string,"kind": Database["public"]['Enums']["lead_kind"],"proposal_count": number,"referrer_expert_id": string,"referrer_share_percent": number,"summary": string,"title": string
            }[]
                           },
"link_payout_account":
{ Args: { "expert_id": string,"stripe_account_id": string }; Returns: string
                           },
"mark_job_done":
{ Args: { "lead_id": string }; Returns: Database["public"]['Enums']["lead_status"]
                           },
"my_wallet":
{ Args: Record<PropertyKey, never>; Returns: {
              "available_cents": number,"carry_cents": number,"currency": string,"escrow_cents": number,"pending_cents": number
            }[]
                           },
"my_wallet_movements":
{ Args: { "max_rows"?: number }; Returns: {
              "amount_cents": number,"bucket": string,"currency": string,"effective_at": string,"kind": string,"payable_id": string,"transaction_id": number
            }[]
                           },
"open_dispute":
{ Args: { "message": string,"payable_id": string,"reason": string }; Returns: string
                           },
"payout_onboarding":
{ Args: Record<PropertyKey, never>; Returns: {
              "expert_id": string,"started_at": string,"stripe_account_id": string
            }[]
                           },
"payouts_to_execute":
{ Args: { "batch_id"?: string,"max_rows"?: number }; Returns: {
              "amount_cents": number,"attempts": number,"currency": string,"expert_id": string,"payout_id": string,"remaining": number,"status": string,"stripe_account_id": string,"transfer_id": string
            }[]
                           },
"prepare_payment":
{ Args: { "payable_id": string }; Returns: {
              "amount_cents": number,"currency": string,"description": string,"payment_id": string
            }[]
                           },
"publish_fee_policy":
{ Args: { "consumer_platform_percent": number,"effective_from"?: string,"minimum_job_cents": Json,"referral_platform_percent": number,"referrer_share_max_percent": number }; Returns: number
                           },
"quote_lead_split":
{ Args: { "amount_cents": number,"currency"?: string,"kind": string,"referrer_share_percent"?: number }; Returns: {
              "performer_net_cents": number,"platform_fee_cents": number,"referrer_fee_cents": number
            }[]
                           },
"rate_performer":
{ Args: { "body"?: string,"first_name_and_city_only"?: boolean,"lead_id": string,"stars": number }; Returns: string
                           },
"record_payout_step":
{ Args: { "payout_id": string,"reason"?: string,"step": string,"stripe_id"?: string }; Returns: string
                           },
"record_refund_sent":
{ Args: { "refund_id": string,"refused_reason"?: string,"stripe_refund_id"?: string }; Returns: string
                           },
"refer_lead":
{ Args: { "expert_id": string,"lead_id": string }; Returns: string
                           },
"refund_payable":
{ Args: { "amount_cents": number,"note": string,"payable_id": string }; Returns: string
                           },
"refunds_to_submit":
{ Args: { "payable_id"?: string }; Returns: {
              "amount_cents": number,"currency": string,"payable_id": string,"payment_id": string,"payment_intent_id": string,"refund_id": string
            }[]
                           },
"release_hold_early":
{ Args: { "payable_id": string }; Returns: undefined
                           },
"resolve_dispute":
{ Args: { "dispute_id": string,"note"?: string,"outcome": string,"refund_cents"?: number }; Returns: string
                           },
"respond_to_referral":
{ Args: { "accept": boolean,"referral_id": string }; Returns: Database["public"]['Enums']["referral_status"]
                           },
"reveal_lead_contact":
{ Args: { "lead_id": string }; Returns: {
              "client_address": string,"client_email": string,"client_name": string,"client_phone": string,"details": string
            }[]
                           },
"revoke_admin":
{ Args: { "user_id": string }; Returns: undefined
                           },
"search_experts":
{ Args: { "category"?: string,"city"?: string,"language"?: string }; Returns: {
              "approved_at": string | null,
"bio": string,
"city": string,
"created_at": string,
"currency": string,
"display_name": string,
"headline": string | null,
"hourly_rate": number | null,
"id": string,
"languages": (string)[],
"service_radius_km": number,
"specialties": (string)[],
"status": Database["public"]['Enums']["expert_status"],
"submitted_at": string,
"updated_at": string
            }[]
                          SetofOptions: {
        from: "*"
        to: "experts"
        isOneToOne: false
        isSetofReturn: true
      } },
"set_referrer_share":
{ Args: { "lead_id": string,"referrer_share_percent": number }; Returns: number
                           },
"submit_proposal":
{ Args: { "lead_id": string,"message": string,"price_cents": number,"proposed_date"?: string }; Returns: string
                           },
"update_proposal":
{ Args: { "message"?: string,"price_cents"?: number,"proposal_id": string,"proposed_date"?: string }; Returns: string
                           },
"withdraw_proposal":
{ Args: { "proposal_id": string }; Returns: undefined
                           }
          }
          Enums: {
            "app_role": "customer"|"expert"|"admin","expert_status": "pending"|"approved"|"rejected"|"suspended","lead_kind": "consumer"|"referral","lead_status": "open"|"assigned"|"paid"|"done"|"completed"|"cancelled"|"expired","lead_visibility": "board"|"private","payable_status": "due"|"paid"|"completed"|"refunded"|"cancelled","payment_status": "pending"|"paid"|"failed"|"returned","proposal_status": "submitted"|"withdrawn"|"accepted"|"declined","referral_status": "pending"|"accepted"|"declined"
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            "app_role": ["customer", "expert", "admin"],"expert_status": ["pending", "approved", "rejected", "suspended"],"lead_kind": ["consumer", "referral"],"lead_status": ["open", "assigned", "paid", "done", "completed", "cancelled", "expired"],"lead_visibility": ["board", "private"],"payable_status": ["due", "paid", "completed", "refunded", "cancelled"],"payment_status": ["pending", "paid", "failed", "returned"],"proposal_status": ["submitted", "withdrawn", "accepted", "declined"],"referral_status": ["pending", "accepted", "declined"]
          }
        }
} as const
