/**
 * Latin-script name pools for the countries whose names carry diacritics:
 * Spanish-speaking Central and South America, Brazil, Haiti, Vietnam,
 * Romania, Senegal. Spellings keep their accents as people write them.
 */

/** list("a|b", "c") -> ["a", "b", "c"]: keeps long name lists compact (names may contain spaces). */
const list = (...parts: string[]): readonly string[] => parts.join("|").split("|");

export interface LatinPool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Spanish and Portuguese speakers commonly carry two family names. */
  doubleFamily?: number;
}

const spanishMale = list(
  "José|Juan|Luis|Carlos|Jesús|Miguel Ángel|Jorge|Francisco|Óscar|Héctor|Raúl|Andrés|Julián",
  "Iván|Rubén|Edwin|Wilmer|Marvin|Kevin|Brayan|Élmer|Nelson|Santos|Cristian|Germán|Joaquín",
  "Ramón|Efraín",
);
const spanishFemale = list(
  "María|Guadalupe|Ana Lucía|Rosa|Sofía|Valentina|Ximena|Mónica|Verónica|Yésica|Karla|Daniela",
  "Leticia|Beatriz|Inés|Dulce María|Carmen|Marisol|Yolanda|Araceli|Lucía|Belén|Jazmín|Noemí",
);
/** Family names with diacritics, drawn from when a case needs a searchable accented name. */
export const spanishFamilyWithDiacritics = list(
  "Núñez|Peña|Hernández|Martínez|López|González|Rodríguez|Pérez|Sánchez|Ramírez|Gómez|Díaz",
  "Jiménez|Gutiérrez|Vásquez|Muñoz|Álvarez|Ordóñez|Chávez|Ibáñez|Cortés|Méndez|Domínguez",
  "Benítez|Suárez|Velásquez|Quiñónez|Mejía|Zúñiga|Castañeda",
);
const spanishFamily = [
  ...spanishFamilyWithDiacritics,
  ...list(
    "García|Flores|Cruz|Morales|Reyes|Ortiz|Castillo|Mendoza|Rojas|Ruiz|Herrera|Aguilar|Medina",
    "Pacheco|Torres|Vargas|Romero|Navarro|Salazar|Escobar",
  ),
];

export const spanish: LatinPool = {
  male: spanishMale,
  female: spanishFemale,
  family: spanishFamily,
  doubleFamily: 0.6,
};

export const guatemalan: LatinPool = {
  ...spanish,
  // K'iche', Mam and Q'eqchi' family names alongside Spanish ones.
  family: [...spanishFamily, ...list("Tzul|Xicará|Cux|Ajú|Coc|Tum|Chiquín|Ixcoy|Pú|Caal")],
};

export const brazilian: LatinPool = {
  male: list("João|José|Antônio|Luiz|Gabriel|Rafael|Lucas|Thiago|Matheus|Vinícius|Caio|Márcio|Sérgio|Fábio"),
  female: list("Maria|Ana|Júlia|Letícia|Beatriz|Fernanda|Luíza|Camila|Patrícia|Cláudia|Márcia|Tânia|Lúcia"),
  family: list(
    "Gonçalves|Silva|Santos|Oliveira|Souza|Araújo|Conceição|Simões|Guimarães|Magalhães|Pereira",
    "Ferreira|Lima|Carvalho|Brandão|Assunção|Falcão|Sá",
  ),
  doubleFamily: 0.4,
};

export const haitian: LatinPool = {
  male: list("Jean-Claude|Wilner|Frantz|Jean-Rémy|Roosevelt|Dieudonné|Jocelyn|Réginald|Fritz|Evens|Jean"),
  female: list("Marie-Ange|Nadège|Roseline|Guerline|Fabienne|Mirlande|Jésula|Rose-Marie|Widlene|Naïka|Édith"),
  family: list(
    "Jean-Baptiste|Pierre|Joseph|Louis|Désir|Célestin|Étienne|Augustin|Dorvil|Fleurant",
    "Saint-Fleur|Théodore|Béliard|Noël|Toussaint",
  ),
};

export const vietnamese: LatinPool = {
  male: list("Văn Hùng|Minh Tuấn|Quốc Bảo|Đức Anh|Văn Thành|Hoàng Long|Thanh Sơn|Công Phượng|Văn Đức"),
  female: list("Thị Lan|Thị Hương|Ngọc Ánh|Thu Trang|Thị Mai|Phương Thảo|Bích Ngọc|Thị Hoa"),
  family: list("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương"),
};

export const romanian: LatinPool = {
  male: list("Ștefan|Mihai|Andrei|Ion|Gheorghe|Vasile|Constantin|Florin|Răzvan|Cătălin|Ionuț|Bogdan"),
  female: list("Ioana|Andreea|Elena|Maria|Mihaela|Alexandra|Cristina|Ramona|Mădălina|Georgiana"),
  family: list(
    "Popescu|Ionescu|Rădulescu|Stănescu|Dumitrescu|Constantinescu|Țurcan|Stoica|Munteanu|Lungu",
    "Moldovan|Bălan|Ciobanu|Năstase|Drăgan",
  ),
};

export const senegalese: LatinPool = {
  male: list("Mamadou|Ousmane|Cheikh|Abdoulaye|Moussa|Ibrahima|Modou|Pape"),
  female: list("Fatou|Aïssatou|Awa|Mariama|Khady|Ndèye|Coumba|Aminata"),
  family: list("Diallo|Ndiaye|Diop|Sow|Fall|Sy|Ba|Gueye|Faye|Sarr|Mbaye|Thiam"),
};

export const nigerian: LatinPool = {
  male: list("Chinedu|Emeka|Oluwaseun|Tunde|Ibrahim|Adebayo|Chukwuemeka|Segun"),
  female: list("Ngozi|Chiamaka|Funmilayo|Adaeze|Folake|Blessing|Amaka"),
  family: list("Okafor|Adeyemi|Okonkwo|Balogun|Eze|Nwosu|Adebayo|Oyelaran|Obi|Ogunleye"),
};

export const jamaican: LatinPool = {
  male: list("Andre|Dwayne|Kemar|Omar|Ricardo|Marlon|Devon"),
  female: list("Shanice|Kimberley|Tashana|Nadine|Keisha|Simone"),
  family: list("Campbell|Brown|Williams|Clarke|Thompson|Reid|Gordon|Francis|McKenzie"),
};

/** Names of U.S. attorneys and accredited representatives (counsel list only). */
export const american: LatinPool = {
  male: list("Michael|David|Daniel|Kevin|Brian|Jonathan|Christopher|Matthew|Andrew|Joshua|Samuel|Patrick"),
  female: list("Sarah|Jennifer|Emily|Rachel|Laura|Megan|Amanda|Hannah|Rebecca|Lauren|Claire|Naomi"),
  family: list(
    "Cohen|Miller|Johnson|O'Brien|Nguyen|Kowalski|Rosenberg|Fitzgerald|Sullivan|Park|Kim",
    "Goldstein|Patel|Schneider|Murphy|Bennett|Castillo|Larsen|Weiss|Delgado|Friedman|Okafor",
    "Haddad|Lindqvist",
  ),
};
