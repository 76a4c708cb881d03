#!/usr/bin/env python3
"""Writes the person names the redactor knows: FirstNames.swift and Surnames.swift in Sources/SpiegelCore/Privacy.

Sources (see Sources/SpiegelCore/Privacy/PersonNames-SOURCE.md):
- the person-name lists of the Python package Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia),
  locales nl_NL, nl_BE, en_US, en_GB, tr_TR and id_ID;
- the supplements below, compiled for Spiegel (names of Dutch, Turkish, Moroccan, Surinamese and
  Indonesian origin common in the Netherlands that the Faker lists lack), placed in the public domain.

Usage: pip download --no-deps faker && pip install --no-deps --target site faker-*.whl
       PYTHONPATH=site python3 Scripts/person-names.py first > Sources/SpiegelCore/Privacy/FirstNames.swift
       PYTHONPATH=site python3 Scripts/person-names.py last > Sources/SpiegelCore/Privacy/Surnames.swift
"""
import importlib
import re
import sys

LOCALES = ["nl_NL", "nl_BE", "en_US", "en_GB", "tr_TR", "id_ID",
           # Origins common among the customers of Dutch and Belgian desks: Poland and Central Europe,
           # Romania, Portugal, Brazil, Spain, Italy, France, Germany, West and East Africa, India.
           "pl_PL", "cs_CZ", "sk_SK", "hr_HR", "hu_HU", "ro_RO", "lt_LT", "lv_LV", "pt_PT", "pt_BR", "es_ES",
           "es_MX", "it_IT", "fr_FR", "de_DE", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "en_NG", "en_KE", "sw", "en_IN",
           "vi_VN"]

SUPPLEMENT = """
Kees Truus Ruud Ineke Marloes Jantje Joop Henk Gerrit Klaas Sjaak Bep Riet Toos Corrie Nel Greet Dini Wilma
Hennie Harm Hendrikus Jozef Geert Gijs Mees Teun Siem Ties Guus Jip Sem Luuk Stijn Thijs Sven Niels Maarten
Marjolein Mirjam Lieke Fenna Floor Isa Jet Lieve Mila Nova Sara Saar Tess Yara Zoë Roos Maud Noor Evi
Mohamed Mohammed Muhammad Ahmed Youssef Yousef Yassine Yassin Khalid Hamza Bilal Ayoub Ilias Ilyas Imane
Fatima Fatiha Khadija Nadia Samira Soufiane Zakaria Mustafa Rachid Said Nordin Hicham Karim Abdel
Abdelkader Abdellah Abdelhak Mounir Naima Hafsa Salma Yasmina Loubna Houda Meryem Malika Latifa Zineb
Hanane Siham Ikram Amina Aicha Souad Omar Othman Adil Anouar Redouan Redouane Tarik Driss Brahim Jamal
Aziz Najib Mehdi Ismail Anass Oussama Nourdin Nouredine Mimoun Mohand Abdelaziz Halima Rachida Zohra
Mouad Badr Anas Nassim Rayan Marouane Soumaya Chaima Kawtar Ouafae Sanae Wafae Ilham Btissam Dounia
Ayşe Emre Umut Elif Zeynep Mehmet Hatice Fatma Hüseyin Murat Burak Özlem Gül Serkan Yusuf Kemal Ahmet
Hasan İbrahim Hülya Esra Büşra Kübra Tuğba Gökhan Ömer Emine Sevgi Ela Ebru Derya Selin Merve Cem
Ravi Anand Soenita Sunil Rakesh Shanti Radjesh Rajesh Sharda Devika Kiran Priya Ashwin Roshni Naresh
Ramesh Soeresh Soeniel Radjinder Anjali Sita Shanti Nisha Reshma Kavita Sandhya Vishal Vikash Dinesh
Kwasi Kofi Kwame Akosua Yaw Errol Orlando Iwan Romeo Marvin Jerrel Quincy Shurandy Clyde Dwight Clarence
Humphrey Ricardo Roy Rudie Glenn Winston Lucretia Ivanildo Jurgen Ruben Edgar Sirano Gerold Marciano
Sarmo Wagimin Soeparman Soedirman Poniem Soekarno Soeharto Soesilo Hartini Koesoemo Tjoet Wajan Ketoet
Njoman Poetri Dewie Siti Joko Sari Ratna Budi Agus Wati Yanti Indra Dewi Rudy Ferry Jopie Robby Yvonne
Nanda Rina Lies Ineke Tjalie
Oksana Olena Iryna Nataliya Yuliya Tetiana Svitlana Halyna Mykola Oleksandr Oleksiy Andriy Dmytro Serhiy Bohdan
Taras Volodymyr Yaroslav Vasyl Yevhen Maksym Anastasiya Daryna Sofiya Viktoriya Kateryna Olha Liudmyla
Rami Samer Bassam Ghassan Wael Fadi Nizar Hussam Ammar Yaser Mazen Firas Rania Rasha Hiba Lama Dima Ruba Nour
Yonas Senait Tesfay Merhawi Filmon Semhar Biniam Saba Feven Mebrahtu Yohannes Aster Luwam Tekle Selam Daniel
Abdirahman Abdullahi Hodan Faadumo Sahra Hamdi Ayaan Warsame Mohamud Abdiqani Abdikarim Ubah Iftin Nasra
Ahmad Zahra Farid Habib Masood Shafiq Nazanin Parwana Farzana Mursal Wahid Zabihullah Sadia Khalida Ahmadullah
Yuki Hiroshi Takeshi Kenji Haruto Sakura Yui Aiko Haruka Kaito Yuto Ren Hina Sota Daiki Akira Emi
Ming Jing Xiaoming Xiaoli Xiaoyan Jun Lei Yan Hui Jie Ling Fang Hong Qiang Hao Yifan Zihan Yuxuan Haoran
Minh Linh Thanh Huong Trang Tuan Quang Duc Hieu Phuong Lan Ngoc Hanh Khanh Dung
Aleksandra Agnieszka Małgorzata Katarzyna Magdalena Joanna Tomasz Mateusz Krzysztof Grzegorz Paweł Piotr
Łukasz Michał Wojciech Marek Dariusz Zbigniew Bartosz Kamil Daniela Shauni Dieuwke Akua Adaeze Chidinma
Chidi Chiamaka Ngozi Oluwaseun Adebayo Temitope Folake Kwabena Ama Efua Abena Yaa Kojo Kwaku Aminata Fatoumata
Mariama Mamadou Ousmane Moussa Awa Fanta Seydou Ibrahima
"""

SURNAME_SUPPLEMENT = """
Bouzid Ouali Azzouzi Boukhari Tahiri Benali Chaoui Bakkali Amrani Idrissi Khatib Haddou Ouardi Taleb Zeid Aharchi
Bouchtaoui Boulahrouz Akdim Ziyech Mazraoui Amrabat Aouragh Zaaf Bennani Belhaj Chakir Lamrani Marzouki Mokhtari
Ramdin Sewdien Jagroep Kromodimedjo Sitaram Biharie Pinas Doelwijt Panka Kartosen Soekhoe Lachman Ramsaran
Mahabier Jharap Bhagwandin Ramlal Sardjoe Kallan Mangal Baldew Ritfeld Vanenburg Seedorf Kluivert Gullit
Pattinama Tahapary Latuperisa Sahetapy Wattimena Simatupang Hutapea Siregar Nasution Kusuma Hartono Santoso
Tuanakotta Pattipeilohy Manuhutu Lokollo Soumokil Nanlohy Tamaela Kastanja Pelupessy Leatemia
Yılmaz Özdemir Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan
Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Koval Oliynyk Shevchuk Polishchuk Lysenko
Moroz Savchenko Rudenko Marchenko Petrenko Kovalchuk Ivanenko Hrytsenko Pavlenko Kuzmenko Levchenko Tymoshenko
Haddad Khoury Hamdan Mansour Nasser Saleh Darwish Kassab Shami Halabi Hamwi Sabbagh Jaber Rifai Masri Sayed
Tesfamariam Ghebremedhin Haile Berhane Kidane Tesfaye Gebremariam Weldemariam Habte Tekeste Asmerom Yemane
Warsame Farah Mohamud Jama Hirsi Abdi Egal Duale Osman Aden Nur Dirie Samatar Gedi Elmi
Rahimi Karimi Ahmadi Hosseini Sultani Popal Stanikzai Noorzai Amiri Safi Wardak Hakimi Nazari Rezaei
Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Zhu Gao Guo Luo Zheng Liang Xie Tang Feng Deng Cao Peng
Nguyen Tran Pham Hoang Huynh Phan Dang Bui Duong
Kowalczyk Kowalski Nowak Wiśniewski Wiśniewska Wójcik Kamiński Kamińska Lewandowski Lewandowska Zieliński
Zielińska Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski
Okonkwo Okafor Nwosu Adeyemi Okoro Eze Nwankwo Obi Chukwu Asante Mensah Boateng Owusu Osei Agyeman Appiah
Diallo Traoré Keita Coulibaly Camara Touré Konaté Cissé Sow Bah Barry Ndiaye Diop Fall
"""


NAME = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:-[^\W\d_]+)*$")


PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "el", "al", "ben", "da", "di",
             "du", "la", "le", "von", "und", "zu", "'s", "'t", "vande", "vander", "vanden"}


def latin(name):
    """Names in the Latin alphabet only: a Cyrillic or Arabic list says nothing of how a name is typed here."""
    import unicodedata
    return all(unicodedata.name(c, "").startswith("LATIN") or c in "'-" for c in name)


def first_names():
    names = set()
    for locale in LOCALES:
        provider = importlib.import_module("faker.providers.person." + locale).Provider
        for attribute in ("first_names_male", "first_names_female", "first_names"):
            names |= set(getattr(provider, attribute, ()))
    return names | set(SUPPLEMENT.split())


def surnames():
    """The last word of each surname, without particles: `van der Meer` is known as `Meer`."""
    names = set()
    for locale in LOCALES:
        provider = importlib.import_module("faker.providers.person." + locale).Provider
        lists = [getattr(provider, a, ()) for a in ("last_names", "last_names_male", "last_names_female")]
        for surname in [name for names in lists for name in names]:
            words = [w for w in surname.replace(",", " ").split() if w.lower() not in PARTICLES]
            if words:
                names.add(words[-1])
    return names | set(SURNAME_SUPPLEMENT.split())


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "first"
    names = first_names() if which == "first" else surnames()
    names = sorted({n for n in names if len(n) >= 3 and NAME.match(n) and latin(n)}, key=lambda n: (n.lower(), n))
    count = len(names)
    kind = "FirstNames" if which == "first" else "Surnames"
    out = sys.stdout
    out.write("// Generated by Scripts/person-names.py; do not edit by hand.\n")
    out.write("// Source and licence: PersonNames-SOURCE.md beside this file (Faker's name lists, MIT licence,\n")
    out.write("// Copyright (c) 2012 Daniele Faraglia; plus supplements compiled for Spiegel).\n\n")
    if which == "first":
        out.write("/// First names common in the Netherlands, Belgium and English-speaking countries, including names\n")
        out.write("/// of Turkish, Moroccan, Surinamese, Indonesian, Polish, Ukrainian, Syrian, Eritrean, Somali, Afghan,\n")
        out.write(f"/// West African, Asian and other European origin: {count} names, compared in lower case.\n")
    else:
        out.write("/// Surnames common in the Netherlands, Belgium and English-speaking countries, including names of\n")
        out.write("/// Turkish, Moroccan, Surinamese, Indonesian, Polish, Ukrainian, Syrian, Eritrean, Somali, Afghan,\n")
        out.write(f"/// West African, Asian and other European origin, without particles: {count} names, in lower case.\n")
    out.write(f"enum {kind} {{\n")
    out.write("    /// Every name in lower case (NFC).\n")
    out.write("    static let all: Set<String> = Set(list.split(separator: \" \").map { $0.lowercased() })\n\n")
    out.write("    private static let list = \"\"\"\n")
    line = "    "
    for n in names:
        if len(line) + len(n) + 1 > 116:
            out.write(line.rstrip() + " \\\n")
            line = "    "
        line += n + " "
    out.write(line.rstrip() + "\n    \"\"\"\n}\n")
    sys.stderr.write(f"{count} names\n")


main()
