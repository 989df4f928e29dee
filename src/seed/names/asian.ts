/**
 * Chinese names as [pinyin, Wade-Giles or Cantonese romanisation, simplified
 * Hanzi] and Hindi / Nepali names as [Latin, variant spelling, Devanagari].
 */
import type { ScriptPool } from "./arabic.js";

export const chinese: ScriptPool = {
  script: "Hans",
  familyFirst: true,
  male: [
    ["Wei", "Wai", "伟"], ["Jun", "Chun", "军"], ["Hao", "Hou", "浩"], ["Jianguo", "Chien-kuo", "建国"],
    ["Zhiqiang", "Chih-chiang", "志强"], ["Yong", "Yung", "勇"], ["Lei", "Lui", "磊"], ["Tao", "T'ao", "涛"],
    ["Xiaoming", "Hsiao-ming", "小明"], ["Jian", "Chien", "健"], ["Bo", "Po", "波"], ["Qiang", "Chiang", "强"],
  ],
  female: [
    ["Xiuying", "Hsiu-ying", "秀英"], ["Fang", "Fong", "芳"], ["Min", "Mun", "敏"], ["Jing", "Ching", "静"],
    ["Li", "Lee", "丽"], ["Yan", "Yen", "燕"], ["Xiaohong", "Hsiao-hung", "小红"], ["Hui", "Hwei", "慧"],
    ["Lan", "Lam", "兰"], ["Meiling", "Mei-ling", "美玲"], ["Yuqing", "Yu-ching", "雨晴"],
  ],
  family: [
    ["Wang", "Wong", "王"], ["Li", "Lee", "李"], ["Zhang", "Chang", "张"], ["Liu", "Lau", "刘"], ["Chen", "Chan", "陈"],
    ["Yang", "Yeung", "杨"], ["Huang", "Hwang", "黄"], ["Zhao", "Chao", "赵"], ["Wu", "Woo", "吴"], ["Zhou", "Chou", "周"],
    ["Xu", "Hsu", "徐"], ["Sun", "Suen", "孙"], ["Lin", "Lam", "林"], ["Zheng", "Cheng", "郑"], ["He", "Ho", "何"],
  ],
};

export const hindi: ScriptPool = {
  script: "Deva",
  male: [
    ["Rajesh", "Rajes", "राजेश"], ["Amit", "Ameet", "अमित"], ["Suresh", "Sures", "सुरेश"], ["Vikram", "Vikrum", "विक्रम"],
    ["Rahul", "Raahul", "राहुल"], ["Sanjay", "Sanjai", "संजय"], ["Arjun", "Arjoon", "अर्जुन"], ["Manoj", "Manoje", "मनोज"],
    ["Deepak", "Dipak", "दीपक"], ["Anil", "Aneel", "अनिल"],
  ],
  female: [
    ["Priya", "Preeya", "प्रिया"], ["Sunita", "Suneeta", "सुनीता"], ["Anjali", "Anjalee", "अंजलि"], ["Pooja", "Puja", "पूजा"],
    ["Kavita", "Kavitha", "कविता"], ["Neha", "Nehaa", "नेहा"], ["Meena", "Mina", "मीना"], ["Rekha", "Rekhaa", "रेखा"],
    ["Lakshmi", "Laxmi", "लक्ष्मी"],
  ],
  family: [
    ["Sharma", "Sarma", "शर्मा"], ["Patel", "Pattel", "पटेल"], ["Singh", "Sing", "सिंह"], ["Kumar", "Coomar", "कुमार"],
    ["Verma", "Varma", "वर्मा"], ["Gupta", "Gupt", "गुप्ता"], ["Yadav", "Yadava", "यादव"], ["Mishra", "Misra", "मिश्रा"],
    ["Chauhan", "Chouhan", "चौहान"], ["Joshi", "Joshee", "जोशी"], ["Thakur", "Thakkar", "ठाकुर"], ["Pandey", "Pande", "पांडे"],
  ],
};

export const nepali: ScriptPool = {
  script: "Deva",
  male: [
    ["Ram", "Raam", "राम"], ["Bikash", "Vikash", "बिकाश"], ["Prakash", "Parkash", "प्रकाश"], ["Santosh", "Santos", "सन्तोष"],
    ["Krishna", "Krisna", "कृष्ण"], ["Bishnu", "Vishnu", "बिष्णु"], ["Dipendra", "Deependra", "दीपेन्द्र"], ["Suman", "Sumon", "सुमन"],
  ],
  female: [
    ["Sita", "Seeta", "सीता"], ["Gita", "Geeta", "गीता"], ["Sabina", "Sabeena", "सबिना"], ["Anita", "Aneeta", "अनिता"],
    ["Sarita", "Sareeta", "सरिता"], ["Kamala", "Kamla", "कमला"], ["Laxmi", "Lakshmi", "लक्ष्मी"], ["Puja", "Pooja", "पूजा"],
  ],
  family: [
    ["Gurung", "Gurang", "गुरुङ"], ["Thapa", "Thappa", "थापा"], ["Shrestha", "Shrestra", "श्रेष्ठ"], ["Tamang", "Tamong", "तामाङ"],
    ["Rai", "Raai", "राई"], ["Magar", "Maggar", "मगर"], ["Adhikari", "Adhikary", "अधिकारी"], ["Karki", "Karkee", "कार्की"],
    ["Bhattarai", "Bhattari", "भट्टराई"], ["Poudel", "Paudel", "पौडेल"],
  ],
};
