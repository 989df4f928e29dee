/** Russian and Ukrainian names: [Latin, second transliteration, Cyrillic]; Russian family names by sex. */
import type { ScriptPool } from "./arabic.js";

export const russian: ScriptPool = {
  script: "Cyrl",
  male: [
    ["Dmitry", "Dmitriy", "Дмитрий"], ["Sergey", "Sergei", "Сергей"], ["Aleksandr", "Alexander", "Александр"],
    ["Andrey", "Andrei", "Андрей"], ["Alexey", "Aleksei", "Алексей"], ["Mikhail", "Michail", "Михаил"],
    ["Ivan", "Iwan", "Иван"], ["Nikolay", "Nikolai", "Николай"], ["Vladimir", "Wladimir", "Владимир"],
    ["Yevgeny", "Evgeniy", "Евгений"], ["Artyom", "Artem", "Артём"], ["Maksim", "Maxim", "Максим"],
  ],
  female: [
    ["Yelena", "Elena", "Елена"], ["Olga", "Olga", "Ольга"], ["Natalya", "Natalia", "Наталья"],
    ["Tatyana", "Tatiana", "Татьяна"], ["Irina", "Iryna", "Ирина"], ["Anastasia", "Anastasiya", "Анастасия"],
    ["Yekaterina", "Ekaterina", "Екатерина"], ["Svetlana", "Swetlana", "Светлана"], ["Mariya", "Maria", "Мария"],
    ["Yuliya", "Julia", "Юлия"],
  ],
  family: [
    ["Ivanov", "Ivanoff", "Иванов", "Ivanova", "Iwanowa", "Иванова"],
    ["Smirnov", "Smirnoff", "Смирнов", "Smirnova", "Smirnowa", "Смирнова"],
    ["Kuznetsov", "Kuznetzov", "Кузнецов", "Kuznetsova", "Kuznetzova", "Кузнецова"],
    ["Popov", "Popoff", "Попов", "Popova", "Popowa", "Попова"],
    ["Sokolov", "Sokoloff", "Соколов", "Sokolova", "Sokolowa", "Соколова"],
    ["Volkov", "Wolkow", "Волков", "Volkova", "Wolkowa", "Волкова"],
    ["Fyodorov", "Fedorov", "Фёдоров", "Fyodorova", "Fedorova", "Фёдорова"],
    ["Morozov", "Morosow", "Морозов", "Morozova", "Morosowa", "Морозова"],
    ["Orlov", "Orloff", "Орлов", "Orlova", "Orlowa", "Орлова"],
    ["Zaitsev", "Zaytsev", "Зайцев", "Zaitseva", "Zaytseva", "Зайцева"],
  ],
};

export const ukrainian: ScriptPool = {
  script: "Cyrl",
  male: [
    ["Oleksandr", "Aleksandr", "Олександр"], ["Andriy", "Andrii", "Андрій"], ["Dmytro", "Dmitro", "Дмитро"],
    ["Serhiy", "Serhii", "Сергій"], ["Mykola", "Mikola", "Микола"], ["Volodymyr", "Volodimir", "Володимир"],
    ["Taras", "Tarass", "Тарас"], ["Bohdan", "Bogdan", "Богдан"], ["Yuriy", "Yurii", "Юрій"], ["Oleh", "Oleg", "Олег"],
  ],
  female: [
    ["Olena", "Elena", "Олена"], ["Oksana", "Oxana", "Оксана"], ["Iryna", "Irina", "Ірина"],
    ["Nataliya", "Nataliia", "Наталія"], ["Kateryna", "Katerina", "Катерина"], ["Yuliya", "Yuliia", "Юлія"],
    ["Halyna", "Galina", "Галина"], ["Svitlana", "Svetlana", "Світлана"], ["Tetyana", "Tetiana", "Тетяна"],
  ],
  family: [
    ["Shevchenko", "Schewtschenko", "Шевченко"], ["Kovalenko", "Kowalenko", "Коваленко"],
    ["Bondarenko", "Bondarenco", "Бондаренко"], ["Tkachenko", "Tkatchenko", "Ткаченко"],
    ["Kravchenko", "Krawtschenko", "Кравченко"], ["Melnyk", "Melnik", "Мельник"], ["Boyko", "Boiko", "Бойко"],
    ["Kovalchuk", "Kowaltschuk", "Ковальчук"], ["Oliynyk", "Oliinyk", "Олійник"],
    ["Polishchuk", "Polischuk", "Поліщук"], ["Lysenko", "Lissenko", "Лисенко"], ["Marchenko", "Martschenko", "Марченко"],
  ],
};
