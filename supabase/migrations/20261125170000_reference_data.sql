-- Reference data every later feature reads: the category taxonomy, cities with coordinates (for
-- experts' base city now and lead distances later) and the languages experts can list. Readable
-- by everyone, anon included; written only by migrations.

/** Categories: a two-level taxonomy; slugs are the stable identifiers clients send */
create table public.categories (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  parent_slug text references public.categories (slug),
  name_en text not null,
  name_he text not null,
  sort_order integer not null default 0
);
create index categories_parent_slug_idx on public.categories (parent_slug);
comment on table public.categories is 'Service taxonomy: top-level groups and their categories.';

alter table public.categories enable row level security;
create policy categories_are_public on public.categories for select to anon, authenticated using (true);
grant select on public.categories to anon, authenticated;

insert into public.categories (slug, parent_slug, name_en, name_he, sort_order) values
  ('home-services', null, 'Home services', 'שירותי בית', 10),
  ('business', null, 'Business services', 'שירותים עסקיים', 20),
  ('technology', null, 'Technology', 'טכנולוגיה', 30),
  ('plumbing', 'home-services', 'Plumbing', 'אינסטלציה', 10),
  ('electrical', 'home-services', 'Electrical', 'חשמל', 20),
  ('renovation', 'home-services', 'Renovation', 'שיפוצים', 30),
  ('cleaning', 'home-services', 'Cleaning', 'ניקיון', 40),
  ('moving', 'home-services', 'Moving', 'הובלות', 50),
  ('gardening', 'home-services', 'Gardening', 'גינון', 60),
  ('tax', 'business', 'Tax', 'מיסים', 10),
  ('legal', 'business', 'Legal', 'משפטי', 20),
  ('accounting', 'business', 'Accounting', 'הנהלת חשבונות', 30),
  ('marketing', 'business', 'Marketing', 'שיווק', 40),
  ('logistics', 'business', 'Logistics', 'לוגיסטיקה', 50),
  ('software', 'technology', 'Software development', 'פיתוח תוכנה', 10),
  ('data-ai', 'technology', 'Data and AI', 'נתונים ובינה מלאכותית', 20),
  ('integrations', 'technology', 'Integrations', 'אינטגרציות', 30);

/** Cities: Israel's first, a few abroad; coordinates in WGS 84 degrees */
create table public.cities (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_en text not null,
  name_he text not null,
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  latitude numeric(8, 5) not null check (latitude between -90 and 90),
  longitude numeric(8, 5) not null check (longitude between -180 and 180),
  sort_order integer not null default 0
);
comment on table public.cities is 'Cities experts are based in and leads are located in.';

alter table public.cities enable row level security;
create policy cities_are_public on public.cities for select to anon, authenticated using (true);
grant select on public.cities to anon, authenticated;

insert into public.cities (slug, name_en, name_he, country_code, latitude, longitude, sort_order) values
  ('tel-aviv', 'Tel Aviv-Yafo', 'תל אביב-יפו', 'IL', 32.08530, 34.78180, 10),
  ('jerusalem', 'Jerusalem', 'ירושלים', 'IL', 31.76830, 35.21370, 20),
  ('haifa', 'Haifa', 'חיפה', 'IL', 32.79400, 34.98960, 30),
  ('beer-sheva', 'Beer Sheva', 'באר שבע', 'IL', 31.25200, 34.79150, 40),
  ('eilat', 'Eilat', 'אילת', 'IL', 29.55770, 34.95190, 50),
  ('rishon-lezion', 'Rishon LeZion', 'ראשון לציון', 'IL', 31.97300, 34.79250, 60),
  ('petah-tikva', 'Petah Tikva', 'פתח תקווה', 'IL', 32.08400, 34.88780, 70),
  ('ashdod', 'Ashdod', 'אשדוד', 'IL', 31.80440, 34.65530, 80),
  ('netanya', 'Netanya', 'נתניה', 'IL', 32.32150, 34.85320, 90),
  ('holon', 'Holon', 'חולון', 'IL', 32.01580, 34.78740, 100),
  ('bnei-brak', 'Bnei Brak', 'בני ברק', 'IL', 32.08070, 34.83380, 110),
  ('ramat-gan', 'Ramat Gan', 'רמת גן', 'IL', 32.06840, 34.82480, 120),
  ('rehovot', 'Rehovot', 'רחובות', 'IL', 31.89280, 34.81130, 130),
  ('bat-yam', 'Bat Yam', 'בת ים', 'IL', 32.01320, 34.74800, 140),
  ('ashkelon', 'Ashkelon', 'אשקלון', 'IL', 31.66880, 34.57430, 150),
  ('herzliya', 'Herzliya', 'הרצליה', 'IL', 32.16240, 34.84470, 160),
  ('kfar-saba', 'Kfar Saba', 'כפר סבא', 'IL', 32.17820, 34.90760, 170),
  ('raanana', 'Ra''anana', 'רעננה', 'IL', 32.18480, 34.87130, 180),
  ('modiin', 'Modi''in', 'מודיעין', 'IL', 31.89800, 35.01040, 190),
  ('hadera', 'Hadera', 'חדרה', 'IL', 32.43400, 34.91960, 200),
  ('nazareth', 'Nazareth', 'נצרת', 'IL', 32.69960, 35.30350, 210),
  ('tiberias', 'Tiberias', 'טבריה', 'IL', 32.79220, 35.53120, 220),
  ('london', 'London', 'לונדון', 'GB', 51.50740, -0.12780, 900),
  ('new-york', 'New York', 'ניו יורק', 'US', 40.71280, -74.00600, 910),
  ('berlin', 'Berlin', 'ברלין', 'DE', 52.52000, 13.40500, 920),
  ('paris', 'Paris', 'פריז', 'FR', 48.85660, 2.35220, 930);

/** Languages experts can work in: ISO 639-1 codes */
create table public.languages (
  code text primary key check (code ~ '^[a-z]{2}$'),
  name_en text not null,
  name_he text not null,
  sort_order integer not null default 0
);
comment on table public.languages is 'Languages an expert can list, by ISO 639-1 code.';

alter table public.languages enable row level security;
create policy languages_are_public on public.languages for select to anon, authenticated using (true);
grant select on public.languages to anon, authenticated;

insert into public.languages (code, name_en, name_he, sort_order) values
  ('he', 'Hebrew', 'עברית', 10),
  ('en', 'English', 'אנגלית', 20),
  ('ar', 'Arabic', 'ערבית', 30),
  ('ru', 'Russian', 'רוסית', 40),
  ('fr', 'French', 'צרפתית', 50),
  ('es', 'Spanish', 'ספרדית', 60),
  ('am', 'Amharic', 'אמהרית', 70),
  ('uk', 'Ukrainian', 'אוקראינית', 80),
  ('de', 'German', 'גרמנית', 90);
