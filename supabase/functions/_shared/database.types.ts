
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
            [_ in never]: never
          }
          Functions: {
            "admin_audit_log":
{ Args: { "max_rows"?: number }; Returns: {
              "action": string,"actor_id": string,"created_at": string,"details": Json,"id": number,"ip": unknown,"target_id": string,"target_table": string
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
"decide_expert_application":
{ Args: { "approve": boolean,"expert_id": string,"note"?: string }; Returns: Database["public"]['Enums']["expert_status"]
                           },
"grant_admin":
{ Args: { "user_id": string }; Returns: undefined
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
      } }
          }
          Enums: {
            "app_role": "customer"|"expert"|"admin","expert_status": "pending"|"approved"|"rejected"|"suspended"
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
            "app_role": ["customer", "expert", "admin"],"expert_status": ["pending", "approved", "rejected", "suspended"]
          }
        }
} as const
