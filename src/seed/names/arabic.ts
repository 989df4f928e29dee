/**
 * Arabic names as [common Latin transliteration, a second transliteration
 * seen on other documents, the name in Arabic script]. The same person is
 * often "Mohammed" on one paper and "Muhammad" on another: both are kept.
 */
export type Triple = readonly [latin: string, variant: string, native: string];

export interface ScriptPool {
  script: "Arab" | "Cyrl" | "Hans" | "Deva";
  male: readonly Triple[];
  female: readonly Triple[];
  /** Family names; a fourth to sixth element is the feminine form where the language inflects it. */
  family: readonly (Triple | readonly [string, string, string, string, string, string])[];
  /** Native order is family name first (Chinese). */
  familyFirst?: boolean;
}

export const arabic: ScriptPool = {
  script: "Arab",
  male: [
    ["Mohammed", "Muhammad", "محمد"],
    ["Ahmed", "Ahmad", "أحمد"],
    ["Omar", "Umar", "عمر"],
    ["Khaled", "Khalid", "خالد"],
    ["Youssef", "Yusuf", "يوسف"],
    ["Hassan", "Hasan", "حسن"],
    ["Hussein", "Husayn", "حسين"],
    ["Ali", "Aly", "علي"],
    ["Mahmoud", "Mahmud", "محمود"],
    ["Mustafa", "Moustafa", "مصطفى"],
    ["Ibrahim", "Ebrahim", "إبراهيم"],
    ["Abdullah", "Abdallah", "عبد الله"],
    ["Tariq", "Tarek", "طارق"],
    ["Karim", "Kareem", "كريم"],
    ["Samir", "Sameer", "سمير"],
    ["Walid", "Waleed", "وليد"],
    ["Faisal", "Faysal", "فيصل"],
    ["Osama", "Usama", "أسامة"],
  ],
  female: [
    ["Fatima", "Fatma", "فاطمة"],
    ["Aisha", "Aicha", "عائشة"],
    ["Mariam", "Maryam", "مريم"],
    ["Layla", "Leila", "ليلى"],
    ["Noor", "Nour", "نور"],
    ["Zainab", "Zeinab", "زينب"],
    ["Huda", "Hoda", "هدى"],
    ["Amira", "Ameera", "أميرة"],
    ["Rania", "Ranya", "رانيا"],
    ["Salma", "Selma", "سلمى"],
    ["Yasmin", "Yasmeen", "ياسمين"],
    ["Khadija", "Khadeeja", "خديجة"],
    ["Samira", "Sameera", "سميرة"],
    ["Reem", "Rim", "ريم"],
  ],
  family: [
    ["Al-Hassan", "Alhasan", "الحسن"],
    ["Haddad", "Hadad", "حداد"],
    ["Khalil", "Khaleel", "خليل"],
    ["Mansour", "Mansur", "منصور"],
    ["Saleh", "Salih", "صالح"],
    ["Abdelrahman", "Abd al-Rahman", "عبد الرحمن"],
    ["Ibrahim", "Ebrahim", "إبراهيم"],
    ["Al-Masri", "Elmasry", "المصري"],
    ["Nasser", "Nasir", "ناصر"],
    ["Hamdan", "Hamdaan", "حمدان"],
    ["Jaber", "Jabir", "جابر"],
    ["Khoury", "Khouri", "خوري"],
    ["Suleiman", "Sulayman", "سليمان"],
    ["Osman", "Othman", "عثمان"],
    ["Farouk", "Faruq", "فاروق"],
    ["Al-Amin", "Elamin", "الأمين"],
    ["Abbas", "Abas", "عباس"],
    ["Darwish", "Derwich", "درويش"],
    ["Hamid", "Hameed", "حميد"],
    ["Yassin", "Yasin", "ياسين"],
  ],
};
