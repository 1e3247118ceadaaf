// Track folder (without the usual mod prefixes, '_' between words) -> ISO 3166 country code.
// Names are matched as whole words inside a folder name, so `spa` finds `spa_2022` but not
// `space`, and `paul_ricard` finds `circuit_paul_ricard`. Kunos folder names are listed as shipped.
export const TRACK_COUNTRIES: Readonly<Record<string, string>> = {
  // shipped with AC (and its DLC)
  imola: 'IT', magione: 'IT', monza: 'IT', mugello: 'IT', trento_bondone: 'IT', vallelunga: 'IT',
  monza66: 'IT', spa: 'BE', barcelona: 'ES', brands_hatch: 'GB', silverstone: 'GB',
  silverstone1967: 'GB', laguna_seca: 'US', nordschleife: 'DE', nurburgring: 'DE',
  red_bull_ring: 'AT', zandvoort: 'NL',
  // Japan
  suzuka: 'JP', fuji: 'JP', fuji_speedway: 'JP', motegi: 'JP', sugo: 'JP', okayama: 'JP',
  autopolis: 'JP', tsukuba: 'JP', ebisu: 'JP', akina: 'JP', haruna: 'JP', usui: 'JP', myogi: 'JP',
  akagi: 'JP', irohazaka: 'JP', nikko: 'JP', meihan: 'JP', gunsai: 'JP', bihoku: 'JP', hakone: 'JP',
  // rest of Asia, Middle East
  sepang: 'MY', shanghai: 'CN', zhuhai: 'CN', macau: 'MO', guia: 'MO', singapore: 'SG',
  marina_bay: 'SG', yas_marina: 'AE', dubai_autodrome: 'AE', bahrain: 'BH', sakhir: 'BH',
  losail: 'QA', jeddah: 'SA', baku: 'AZ', buddh: 'IN', inje: 'KR', yeongam: 'KR', korea: 'KR',
  buriram: 'TH', chang: 'TH', sentul: 'ID', mandalika: 'ID', istanbul: 'TR',
  // Oceania
  bathurst: 'AU', mount_panorama: 'AU', phillip_island: 'AU', barbagallo: 'AU', albert_park: 'AU',
  melbourne: 'AU', sandown: 'AU', winton: 'AU', queensland_raceway: 'AU', hidden_valley: 'AU',
  adelaide: 'AU', wakefield_park: 'AU', symmons_plains: 'AU', the_bend: 'AU', pukekohe: 'NZ',
  hampton_downs: 'NZ', manfeild: 'NZ', taupo: 'NZ', teretonga: 'NZ', highlands_motorsport_park: 'NZ',
  ruapuna: 'NZ',
  // North and South America
  lagunaseca: 'US', lime_rock: 'US', road_atlanta: 'US', sebring: 'US', cota: 'US',
  circuit_of_the_americas: 'US', sonoma: 'US', sears_point: 'US', watkins_glen: 'US', daytona: 'US',
  indianapolis: 'US', road_america: 'US', mid_ohio: 'US', barber: 'US', vir: 'US',
  virginia_international: 'US', summit_point: 'US', thunderhill: 'US', willow_springs: 'US',
  buttonwillow: 'US', long_beach: 'US', homestead: 'US', texas_motor_speedway: 'US', charlotte: 'US',
  talladega: 'US', pikes_peak: 'US', gilles_villeneuve: 'CA', montreal: 'CA', mosport: 'CA',
  ctmp: 'CA', canadian_tire: 'CA', trois_rivieres: 'CA', calabogie: 'CA', hermanos_rodriguez: 'MX',
  mexico_city: 'MX', interlagos: 'BR', jacarepagua: 'BR', goiania: 'BR', curitiba: 'BR',
  buenos_aires: 'AR', termas_de_rio_hondo: 'AR',
  // Europe
  hockenheim: 'DE', hockenheimring: 'DE', sachsenring: 'DE', lausitzring: 'DE', oschersleben: 'DE',
  norisring: 'DE', salzburgring: 'AT', spielberg: 'AT', francorchamps: 'BE', zolder: 'BE',
  assen: 'NL', oulton_park: 'GB', snetterton: 'GB', donington: 'GB', knockhill: 'GB', thruxton: 'GB',
  cadwell_park: 'GB', croft: 'GB', castle_combe: 'GB', goodwood: 'GB', anglesey: 'GB',
  mallory_park: 'GB', mondello: 'IE', misano: 'IT', varano: 'IT', adria: 'IT', pergusa: 'IT',
  estoril: 'PT', portimao: 'PT', algarve: 'PT', vila_real: 'PT', jarama: 'ES', jerez: 'ES',
  catalunya: 'ES', montmelo: 'ES', valencia: 'ES', aragon: 'ES', motorland: 'ES', navarra: 'ES',
  ascari: 'ES', paul_ricard: 'FR', castellet: 'FR', magny_cours: 'FR', dijon: 'FR', le_mans: 'FR',
  lemans: 'FR', sarthe: 'FR', pau: 'FR', nogaro: 'FR', ledenon: 'FR', monaco: 'MC', brno: 'CZ',
  most: 'CZ', slovakiaring: 'SK', hungaroring: 'HU', poznan: 'PL', anderstorp: 'SE', mantorp: 'SE',
  knutstorp: 'SE', ahvenisto: 'FI', keimola: 'FI', kymiring: 'FI', rudskogen: 'NO', grobnik: 'HR',
  sochi: 'RU', moscow_raceway: 'RU',
  // Africa
  kyalami: 'ZA', zwartkops: 'ZA', killarney: 'ZA',
};

/** Kunos' fictional tracks: matched exactly only, they get the neutral mark. */
export const FICTIONAL_TRACKS: ReadonlySet<string> = new Set(['drift', 'drag', 'black_cat_county', 'highlands']);
