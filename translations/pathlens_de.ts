<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="163"/>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="165"/>
        <source>beyond the scale of %1: %2</source>
        <translation>jenseits der Skala von %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="174"/>
        <location filename="../widgets/plots/classfigures.cpp" line="287"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="175"/>
        <source>accuracy (%), 95% interval</source>
        <translation>Genauigkeit (%), 95-%-Intervall</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="241"/>
        <source>change in images (after − before)</source>
        <translation>Änderung in Bildern (nachher − vorher)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="242"/>
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="243"/>
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="263"/>
        <source>blue on the diagonal: more correct; blue off it: more confused</source>
        <translation>Blau auf der Diagonale: mehr richtig; Blau daneben: mehr verwechselt</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="284"/>
        <source>change in class accuracy (points)</source>
        <translation>Änderung der Klassengenauigkeit (Punkte)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="286"/>
        <location filename="../widgets/plots/figures.cpp" line="275"/>
        <source>deleted block (0-based index)</source>
        <translation>gelöschter Block (Index ab 0)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="290"/>
        <location filename="../widgets/plots/classfigures.cpp" line="327"/>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="315"/>
        <source>images classified differently (%)</source>
        <translation>anders klassifizierte Bilder (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="317"/>
        <location filename="../widgets/plots/classfigures.cpp" line="318"/>
        <source>deleted block</source>
        <translation>gelöschter Block</translation>
    </message>
    <message>
        <location filename="../widgets/plots/classfigures.cpp" line="319"/>
        <location filename="../widgets/plots/classfigures.cpp" line="320"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="277"/>
        <location filename="../widgets/plots/figures.cpp" line="375"/>
        <location filename="../widgets/plots/figures.cpp" line="427"/>
        <source>test accuracy (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="294"/>
        <source>%1
dashed: the original network, %2</source>
        <translation>%1
gestrichelt: das ursprüngliche Netz, %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="307"/>
        <source>%1, no block deleted</source>
        <translation>%1, kein Block gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="319"/>
        <source>downsampling block</source>
        <translation>verkleinernder Block</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="344"/>
        <source>%1 unit</source>
        <translation>%1-Einheit</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="374"/>
        <source>number of swapped block pairs</source>
        <translation>Anzahl vertauschter Blockpaare</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="374"/>
        <source>number of deleted blocks</source>
        <translation>Anzahl gelöschter Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="382"/>
        <location filename="../widgets/plots/figures.cpp" line="434"/>
        <source>original network</source>
        <translation>ursprüngliches Netz</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="400"/>
        <source>samples that touched critical block(s) %1</source>
        <translation>Stichproben mit kritischem Block %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="402"/>
        <source>samples that did not</source>
        <translation>Stichproben ohne</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="406"/>
        <source>Kendall&apos;s tau</source>
        <translation>Kendalls Tau</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="409"/>
        <source>mean Kendall&apos;s tau</source>
        <translation>mittleres Kendalls Tau</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="426"/>
        <source>Kendall&apos;s tau of the block order (1: original)</source>
        <translation>Kendalls Tau der Blockreihenfolge (1: Original)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/figures.cpp" line="432"/>
        <source>one sample each (%n arrangement(s))</source>
        <translation>
            <numerusform>je eine Stichprobe (%n Anordnung)</numerusform>
            <numerusform>je eine Stichprobe (%n Anordnungen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="454"/>
        <source>block influence 1 - cos(input, output), mean over images</source>
        <translation>Blockeinfluss 1 - cos(Eingabe, Ausgabe), Mittel über die Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="455"/>
        <source>angular distance arccos(cos(input, output)) / pi over the %1 blocks</source>
        <translation>Winkelabstand arccos(cos(Eingabe, Ausgabe)) / pi über die %1 Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="456"/>
        <source>accuracy change when the block is deleted (pp)</source>
        <translation>Änderung der Genauigkeit, wenn der Block gelöscht ist (Prozentpunkte)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="457"/>
        <source>accuracy change when the span is deleted (pp)</source>
        <translation>Änderung der Genauigkeit, wenn die Spanne gelöscht ist (Prozentpunkte)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="458"/>
        <source>Spearman&apos;s rho: n/a</source>
        <translation>Spearmans Rho: nicht bestimmbar</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="460"/>
        <source>Spearman&apos;s rho %1</source>
        <translation>Spearmans Rho %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="461"/>
        <source>Spearman&apos;s rho %1 (95%: %2..%3)</source>
        <translation>Spearmans Rho %1 (95 %: %2..%3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/figures.cpp" line="465"/>
        <source>%n run(s), labelled by first block; %1</source>
        <translation>
            <numerusform>%n Lauf, beschriftet mit dem ersten Block; %1</numerusform>
            <numerusform>%n Läufe, beschriftet mit dem ersten Block; %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="468"/>
        <source>smallest angular distance</source>
        <translation>kleinster Winkelabstand</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="509"/>
        <source>path length (residual branches passed)</source>
        <translation>Pfadlänge (durchlaufene Residualzweige)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="521"/>
        <source>distribution of path lengths</source>
        <translation>Verteilung der Pfadlängen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="534"/>
        <source>surviving after deleting 1 block</source>
        <translation>überlebend nach Löschen von 1 Block</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/figures.cpp" line="535"/>
        <source>surviving after deleting %n block(s)</source>
        <translation>
            <numerusform>überlebend nach Löschen von %n Block</numerusform>
            <numerusform>überlebend nach Löschen von %n Blöcken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="583"/>
        <source>central %1% of the total gradient: lengths %2–%3, %4% of all paths</source>
        <translation>zentrale %1 % des Gesamtgradienten: Längen %2–%3, %4 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="588"/>
        <source>central %1%: lengths %2–%3, ends within %4–%5 and %6–%7 (95% bootstrap), %8% of paths</source>
        <translation>zentrale %1 %: Längen %2–%3, Enden in %4–%5 und %6–%7 (95-%-Bootstrap), %8 % der Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="605"/>
        <location filename="../widgets/plots/figures.cpp" line="621"/>
        <source>path length k</source>
        <translation>Pfadlänge k</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="625"/>
        <source>gradient per path
(mean ± std)</source>
        <translation>Gradient je Pfad
(Mittel ± Std.-Abw.)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="606"/>
        <location filename="../widgets/plots/figures.cpp" line="627"/>
        <source>total over the paths
of length k</source>
        <translation>Summe über die Pfade
der Länge k</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="637"/>
        <source>mean gradient magnitude ± std</source>
        <translation>mittlerer Gradientenbetrag ± Standardabweichung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="610"/>
        <location filename="../widgets/plots/figures.cpp" line="639"/>
        <source>total: C(n, k) × mean</source>
        <translation>gesamt: C(n, k) × Mittelwert</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="273"/>
        <source>first block of the %1 deleted (0-based index)</source>
        <translation>erster Block der %1 gelöschten (Index ab 0)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="274"/>
        <source>first block of the %1 %2 (0-based index)</source>
        <translation>erster Block der %1 (%2; Index ab 0)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="276"/>
        <source>%1 block (0-based index)</source>
        <translation>Block %1 (Index ab 0)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="293"/>
        <source>%1
dashed: no block deleted, %2</source>
        <translation>%1
gestrichelt: kein Block gelöscht, %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="305"/>
        <source>test accuracy (%)
95% Wilson intervals</source>
        <translation>Testgenauigkeit (%)
95-%-Wilson-Intervalle</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/figures.cpp" line="379"/>
        <source>mean of %n sample(s), 95% interval (Student&apos;s t)</source>
        <translation>
            <numerusform>Mittelwert von %n Stichprobe, 95-%-Intervall (Student-t)</numerusform>
            <numerusform>Mittelwert von %n Stichproben, 95-%-Intervall (Student-t)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="518"/>
        <source>share of paths (%)</source>
        <translation>Anteil der Pfade (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="529"/>
        <source>paths surviving (%)</source>
        <translation>überlebende Pfade (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="576"/>
        <source>effective paths: lengths %1–%2, %3% of all paths</source>
        <translation>effektive Pfade: Längen %1–%2, %3% aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/figures.cpp" line="673"/>
        <source>not shown, zero on a log axis: length(s) %1</source>
        <translation>nicht gezeigt, auf einer log-Achse null: Länge(n) %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../widgets/document/session.cpp" line="90"/>
        <source>&quot;precision&quot; must be &quot;fp32&quot;, &quot;tf32&quot; or &quot;bf16&quot;</source>
        <translation>&quot;precision&quot; muss &quot;fp32&quot;, &quot;tf32&quot; oder &quot;bf16&quot; sein</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="34"/>
        <source>the %1 %2 does not exist (moved or deleted?); it is not beside the session either</source>
        <translation>%1 %2 existiert nicht (verschoben oder gelöscht?); auch neben der Sitzungsdatei liegt sie nicht</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="45"/>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="52"/>
        <source>not a pathlens session (no &quot;pathlens_session&quot;: 1)</source>
        <translation>keine pathlens-Sitzung (kein &quot;pathlens_session&quot;: 1)</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="54"/>
        <source>written by a newer pathlens (session format %1); this one reads format %2</source>
        <translation>von einem neueren pathlens geschrieben (Sitzungsformat %1); dieses liest Format %2</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="61"/>
        <source>no &quot;model&quot; file named</source>
        <translation>keine &quot;model&quot;-Datei angegeben</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="66"/>
        <source>every arrangement entry needs a &quot;block&quot; number (0 or more) and an &quot;active&quot; flag</source>
        <translation>jeder Eintrag der Anordnung braucht eine &quot;block&quot;-Nummer (0 oder mehr) und ein &quot;active&quot;-Flag</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="72"/>
        <source>an arrangement entry&apos;s &quot;join&quot; must be &quot;sum&quot; or &quot;mean&quot;</source>
        <translation>„join“ eines Eintrags der Anordnung muss „sum“ oder „mean“ sein</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="78"/>
        <source>model</source>
        <translation>Das Modell</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="79"/>
        <source>data set</source>
        <translation>Der Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/document/session.cpp" line="80"/>
        <source>comparison model</source>
        <translation>Das Vergleichsmodell</translation>
    </message>
    <message>
        <location filename="../widgets/document/sessionfile.cpp" line="33"/>
        <source>the arrangement has %1 slots, but %2 has %3 blocks</source>
        <translation>die Anordnung hat %1 Plätze, %2 aber %3 Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/document/sessionfile.cpp" line="38"/>
        <source>the arrangement cannot run: %1</source>
        <translation>die Anordnung ist nicht lauffähig: %1</translation>
    </message>
</context>
<context>
    <name>StoredResults</name>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="37"/>
        <source>&quot;lesion&quot; lacks the baseline, the images or the blocks</source>
        <translation>„lesion“ fehlen Ausgangswert, Bilder oder Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="51"/>
        <source>&quot;lesion&quot; has a block without a valid index</source>
        <translation>„lesion“ hat einen Block ohne gültigen Index</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="79"/>
        <source>&quot;gradients&quot; lacks lengths, mean, std, total or samples of equal length</source>
        <translation>„gradients“ fehlen Längen, Mittelwert, Standardabweichung, Summe oder Stichproben gleicher Länge</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="85"/>
        <source>&quot;gradients&quot; lacks the effective paths</source>
        <translation>„gradients“ fehlen die effektiven Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="103"/>
        <source>measure them again with resources/models/measure-results.sh</source>
        <translation>mit resources/models/measure-results.sh neu messen</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="106"/>
        <source>%1 cannot be read (%2): %3</source>
        <translation>%1 ist nicht lesbar (%2): %3</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="111"/>
        <source>%1 is not a results file: %2</source>
        <translation>%1 ist keine Ergebnisdatei: %2</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="116"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location filename="../widgets/tour/storedresults.cpp" line="120"/>
        <source>%1 was measured on another version of %2 (its SHA-256 differs): %3</source>
        <translation>%1 wurde an einer anderen Fassung von %2 gemessen (ihre SHA-256 weicht ab): %3</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="51"/>
        <source>%1 is missing (it needs &quot;en&quot; and &quot;de&quot;)</source>
        <translation>%1 fehlt (nötig sind „en“ und „de“)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="54"/>
        <source>%1 has an unknown language &quot;%2&quot; (only &quot;en&quot; and &quot;de&quot;)</source>
        <translation>%1 hat eine unbekannte Sprache „%2“ (nur „en“ und „de“)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="59"/>
        <source>%1 has no &quot;%2&quot; text</source>
        <translation>%1 hat keinen „%2“-Text</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="69"/>
        <source>&quot;%1&quot; needs a list of block numbers</source>
        <translation>„%1“ braucht eine Liste von Blocknummern</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="72"/>
        <source>&quot;%1&quot; holds %2, not a block number (0, 1, 2, ...)</source>
        <translation>„%1“ enthält %2, keine Blocknummer (0, 1, 2, ...)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="83"/>
        <source>&quot;%1&quot; needs a whole number of at least 1</source>
        <translation>„%1“ braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="104"/>
        <source>an action is not an object</source>
        <translation>eine Aktion ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="124"/>
        <source>one action holds two, &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>eine Aktion enthält zwei, „%1“ und „%2“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="128"/>
        <source>unknown action %1 (known: %2)</source>
        <translation>unbekannte Aktion %1 (bekannt: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="134"/>
        <source>&quot;%1&quot; has an unknown setting &quot;%2&quot;</source>
        <translation>„%1“ hat eine unbekannte Einstellung „%2“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="140"/>
        <source>&quot;seed&quot; needs a whole number of at least 0</source>
        <translation>„seed“ braucht eine ganze Zahl von mindestens 0</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="147"/>
        <source>&quot;open&quot; names &quot;%1&quot;, which &quot;models&quot; does not hold</source>
        <translation>„open“ nennt „%1“, das in „models“ fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="150"/>
        <source>&quot;reset&quot; takes true</source>
        <translation>„reset“ nimmt true</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="158"/>
        <source>&quot;parallel&quot; needs its first and last slot, [FIRST, LAST] with FIRST &lt; LAST</source>
        <translation>„parallel“ braucht seine erste und letzte Position, [ERSTE, LETZTE] mit ERSTE &lt; LETZTE</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="161"/>
        <source>&quot;join&quot; takes &quot;sum&quot; or &quot;mean&quot;</source>
        <translation>„join“ nimmt „sum“ oder „mean“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="172"/>
        <source>&quot;show&quot; takes unraveled, lattice or %1, not &quot;%2&quot;</source>
        <translation>„show“ nimmt unraveled, lattice oder %1, nicht „%2“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="176"/>
        <source>&quot;first&quot; and &quot;size&quot; belong to &quot;show&quot;: &quot;unraveled&quot;</source>
        <translation>„first“ und „size“ gehören zu „show“: „unraveled“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="180"/>
        <source>&quot;first&quot; needs a slot number (0, 1, 2, ...)</source>
        <translation>„first“ braucht eine Platznummer (0, 1, 2, ...)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="186"/>
        <source>&quot;size&quot; needs a number of slots from 1 to 6</source>
        <translation>„size“ braucht eine Anzahl von Plätzen von 1 bis 6</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="193"/>
        <source>&quot;width&quot; belongs to &quot;show&quot;: &quot;lattice&quot; and takes &quot;paths&quot; or &quot;gradient&quot;</source>
        <translation>„width“ gehört zu „show“: „lattice“ und nimmt „paths“ oder „gradient“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="201"/>
        <source>&quot;stored&quot; takes single-deletion or gradients, not &quot;%1&quot;</source>
        <translation>„stored“ nimmt single-deletion oder gradients, nicht „%1“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="215"/>
        <source>%1 is not a tour: bad JSON at character %2: %3</source>
        <translation>%1 ist keine Tour: fehlerhaftes JSON bei Zeichen %2: %3</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="220"/>
        <source>%1 is not a tour: it holds no JSON object</source>
        <translation>%1 ist keine Tour: sie enthält kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="226"/>
        <source>%1: unknown key &quot;%2&quot; (a tour holds title, models and steps)</source>
        <translation>%1: unbekannter Schlüssel „%2“ (eine Tour enthält title, models und steps)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="228"/>
        <source>the title</source>
        <translation>der Titel</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="231"/>
        <source>%1: &quot;models&quot; must map names to model files</source>
        <translation>%1: „models“ muss Namen auf Modelldateien abbilden</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="234"/>
        <source>%1: the model &quot;%2&quot; needs a file name</source>
        <translation>%1: das Modell „%2“ braucht einen Dateinamen</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="239"/>
        <source>%1: &quot;steps&quot; must be a list of at least one step</source>
        <translation>%1: „steps“ muss eine Liste mit mindestens einem Schritt sein</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="243"/>
        <source>%1, step %2: %3</source>
        <translation>%1, Schritt %2: %3</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="245"/>
        <source>a step must be an object with a caption and actions</source>
        <translation>ein Schritt muss ein Objekt mit caption und actions sein</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="248"/>
        <source>unknown key &quot;%1&quot; (a step holds caption and actions)</source>
        <translation>unbekannter Schlüssel „%1“ (ein Schritt enthält caption und actions)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="251"/>
        <source>the caption</source>
        <translation>die Bildunterschrift</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="259"/>
        <source>the %1 caption names an unknown number {%2}</source>
        <translation>die Bildunterschrift (%1) nennt eine unbekannte Zahl {%2}</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="262"/>
        <source>&quot;actions&quot; must be a list</source>
        <translation>„actions“ muss eine Liste sein</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="274"/>
        <source>it edits the arrangement before any &quot;open&quot;</source>
        <translation>sie ändert die Anordnung vor jedem „open“</translation>
    </message>
    <message>
        <location filename="../widgets/tour/tour.cpp" line="285"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui.cpp" line="28"/>
        <source>Residual networks as ensembles of paths.</source>
        <translation>Residualnetze als Ensembles von Pfaden.</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="32"/>
        <source>TorchScript model (.pt), saved session (.json), or with --lecture a tour (.json)</source>
        <translation>TorchScript-Modell (.pt), gespeicherte Sitzung (.json) oder mit --lecture eine Tour (.json)</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="40"/>
        <source>Start the lecture tour: the built-in one, or the tour file given as FILE (.json).</source>
        <translation>Die Vorlesungstour starten: die eingebaute oder die als DATEI (.json) angegebene.</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="35"/>
        <source>Data set folder or file.</source>
        <translation>Ordner oder Datei des Datensatzes.</translation>
    </message>
</context>
<context>
    <name>pathlens::AccuracyPanel</name>
    <message numerus="yes">
        <location filename="../widgets/plots/accuracypanel.cpp" line="25"/>
        <source>%n block(s) deleted</source>
        <translation>
            <numerusform>%n Block gelöscht</numerusform>
            <numerusform>%n Blöcke gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="97"/>
        <source>%1 — stale, recomputing…</source>
        <translation>%1 — veraltet, wird neu berechnet…</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="102"/>
        <source>Evaluating the original network on %1 test images…</source>
        <translation>Werte das ursprüngliche Netz auf %1 Testbildern aus…</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="103"/>
        <source>Evaluating the network with %1 and %2 moved on %3 test images…</source>
        <translation>Werte das Netz mit %1 und %2 verschobenen auf %3 Testbildern aus…</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="114"/>
        <source>Accuracy %1 ± %2 (estimate on %3 of %4 images)</source>
        <translation>Genauigkeit %1 ± %2 (Schätzung auf %3 von %4 Bildern)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="139"/>
        <source>%1; %2 repeated</source>
        <translation>%1; %2 wiederholt</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="141"/>
        <source>%1; %2 moved</source>
        <translation>%1; %2 verschoben</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="144"/>
        <source>Accuracy %1 [%2–%3] on %4 images; original %5; %6</source>
        <translation>Genauigkeit %1 [%2–%3] auf %4 Bildern; Original %5; %6</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/accuracypanel.cpp" line="143"/>
        <source>%1; %n parallel group(s)</source>
        <translation>
            <numerusform>%1; %n parallele Gruppe</numerusform>
            <numerusform>%1; %n parallele Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="149"/>
        <source>In brackets: the 95% Wilson interval of the accuracy on these images.</source>
        <translation>In Klammern: das 95-%-Wilson-Intervall der Genauigkeit auf diesen Bildern.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/accuracypanel.cpp" line="147"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>pathlens::Analysis</name>
    <message>
        <location filename="../widgets/evaluation/analysis.cpp" line="58"/>
        <source>The measurement failed with an unknown error.</source>
        <translation>Die Messung ist mit einem unbekannten Fehler fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>pathlens::AnalysisController</name>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="30"/>
        <source>Stopped: what is drawn was counted until then.</source>
        <translation>Angehalten: Was zu sehen ist, wurde bis dahin gezählt.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="34"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="35"/>
        <source>Measurement failed</source>
        <translation>Messung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="40"/>
        <source>Measuring each single deletion: %1</source>
        <translation>Messe jede einzelne Löschung: %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="44"/>
        <source>Accuracy with one block deleted — %1, %2 test images</source>
        <translation>Genauigkeit mit einem gelöschten Block — %1, %2 Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="45"/>
        <source>Accuracy with one block deleted — %1, %2 of %3 test images so far — %4</source>
        <translation>Genauigkeit mit einem gelöschten Block — %1, bisher %2 von %3 Testbildern — %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="58"/>
        <source>Reordering blocks — %1, so far %n sample(s) on up to %2 of %3 images</source>
        <translation>
            <numerusform>Blöcke umordnen — %1, bisher %n Stichprobe auf bis zu %2 von %3 Bildern</numerusform>
            <numerusform>Blöcke umordnen — %1, bisher %n Stichproben auf bis zu %2 von %3 Bildern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="60"/>
        <source>Deleting random blocks — %1, so far %n sample(s) on up to %2 of %3 images</source>
        <translation>
            <numerusform>Zufällige Blöcke löschen — %1, bisher %n Stichprobe auf bis zu %2 von %3 Bildern</numerusform>
            <numerusform>Zufällige Blöcke löschen — %1, bisher %n Stichproben auf bis zu %2 von %3 Bildern</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="63"/>
        <source>Reordering: %1</source>
        <translation>Umordnen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="63"/>
        <source>Deleting k blocks: %1</source>
        <translation>k Blöcke löschen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="67"/>
        <source>Reordering blocks — %1, %2 test images, %3 samples per point, seed %4</source>
        <translation>Blöcke umgeordnet — %1, %2 Testbilder, %3 Stichproben je Punkt, Seed %4</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="68"/>
        <source>Deleting random blocks — %1, %2 test images, %3 samples per point, seed %4</source>
        <translation>Zufällige Blöcke gelöscht — %1, %2 Testbilder, %3 Stichproben je Punkt, Seed %4</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="74"/>
        <source>%1, %2 test images</source>
        <translation>%1, %2 Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="82"/>
        <source>Gradient per path length — %1, training images</source>
        <translation>Gradient je Pfadlänge — %1, Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="83"/>
        <source>Gradient per path length — %1, test images (no training split)</source>
        <translation>Gradient je Pfadlänge — %1, Testbilder (kein Trainingsteil)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="153"/>
        <source>Accuracy with one block deleted — %1, %2 test images (measured once)</source>
        <translation>Genauigkeit mit einem gelöschten Block — %1, %2 Testbilder (einmal gemessen)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="164"/>
        <source>Gradient per path length — %1, training images (measured once)</source>
        <translation>Gradient je Pfadlänge — %1, Trainingsbilder (einmal gemessen)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="208"/>
        <source>reorder</source>
        <translation>Umordnen</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="208"/>
        <source>delete k</source>
        <translation>k löschen</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="224"/>
        <source>The gradient per path length is measured for deletions and reorders, not for blocks run in parallel or repeated: select the group and press S to run it in sequence.</source>
        <translation>Der Gradient je Pfadlänge wird für Löschungen und Umordnungen gemessen, nicht für parallel laufende oder wiederholte Blöcke: die Gruppe auswählen und S drücken, um sie wieder nacheinander auszuführen.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="239"/>
        <source>gradients per path length</source>
        <translation>Gradienten je Pfadlänge</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/remainingtime.cpp" line="22"/>
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/remainingtime.cpp" line="31"/>
        <source>%1 s elapsed, about %2 s left</source>
        <translation>%1 s vergangen, noch etwa %2 s</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="170"/>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="186"/>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="202"/>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="220"/>
        <source>Open a model and a data set first.</source>
        <translation>Zuerst ein Modell und einen Datensatz öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="173"/>
        <source>single deletion</source>
        <translation>Einzellöschung</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="189"/>
        <source>per class</source>
        <translation>je Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/analysiscontroller.cpp" line="204"/>
        <source>No two blocks of this network can trade places (no stage has two blocks of one shape), so there is nothing to reorder.</source>
        <translation>Keine zwei Blöcke dieses Netzes können die Plätze tauschen (keine Stufe hat zwei Blöcke gleicher Form); es gibt nichts umzuordnen.</translation>
    </message>
</context>
<context>
    <name>pathlens::ArrangementEditor</name>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="74"/>
        <source>the arrangement has %1 slots but the network has %2 blocks</source>
        <translation>die Anordnung hat %1 Plätze, das Netz aber %2 Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="81"/>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="191"/>
        <source>no block at position %1</source>
        <translation>kein Block an Position %1</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="86"/>
        <source>Restore block %1 (%2)</source>
        <translation>Block %1 wiederherstellen (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="87"/>
        <source>Delete block %1 (%2)</source>
        <translation>Block %1 löschen (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="108"/>
        <source>no span of blocks at positions %1 to %2</source>
        <translation>keine Spanne von Blöcken an den Plätzen %1 bis %2</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="131"/>
        <source>Restore block %1</source>
        <translation>Block %1 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="131"/>
        <source>Delete block %1</source>
        <translation>Block %1 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="132"/>
        <source>Restore blocks %1–%2</source>
        <translation>Blöcke %1–%2 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="132"/>
        <source>Delete blocks %1–%2</source>
        <translation>Blöcke %1–%2 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="140"/>
        <source>a parallel group needs at least two blocks: select a span with Shift</source>
        <translation>eine parallele Gruppe braucht mindestens zwei Blöcke: mit Umschalt eine Spanne wählen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="145"/>
        <source>Run blocks %1–%2 in parallel (mean of branches)</source>
        <translation>Blöcke %1–%2 parallel ausführen (Mittel der Zweige)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="146"/>
        <source>Run blocks %1–%2 in parallel (sum of branches)</source>
        <translation>Blöcke %1–%2 parallel ausführen (Summe der Zweige)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="158"/>
        <source>these blocks already run in sequence</source>
        <translation>diese Blöcke laufen schon nacheinander</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="159"/>
        <source>Run blocks in sequence again</source>
        <translation>Blöcke wieder nacheinander ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="167"/>
        <source>select at least two blocks to reverse (Shift+click)</source>
        <translation>zum Umkehren mindestens zwei Blöcke wählen (Umschalt+Klick)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="170"/>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="194"/>
        <source>blocks that run in parallel do not move: run them in sequence first (right-click)</source>
        <translation>parallel laufende Blöcke lassen sich nicht verschieben: zuerst wieder nacheinander ausführen (Rechtsklick)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="173"/>
        <source>Reverse blocks %1–%2</source>
        <translation>Blöcke %1–%2 umkehren</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="184"/>
        <source>Move block %1 to position %2</source>
        <translation>Block %1 an Position %2 verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="211"/>
        <source>Reset to the original network</source>
        <translation>Auf das ursprüngliche Netz zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="229"/>
        <source>Delete %n random block(s)</source>
        <translation>
            <numerusform>%n zufälligen Block löschen</numerusform>
            <numerusform>%n zufällige Blöcke löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/blocks/arrangementeditor.cpp" line="235"/>
        <source>Swap %n random pair(s)</source>
        <translation>
            <numerusform>%n zufälliges Paar vertauschen</numerusform>
            <numerusform>%n zufällige Paare vertauschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::BlockStrip</name>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="330"/>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="330"/>
        <source>blocks %1–%2</source>
        <translation>Blöcke %1–%2</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="340"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="342"/>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="345"/>
        <source>Run %1 in parallel, branches summed	P</source>
        <translation>%1 parallel ausführen, Zweige summiert	P</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="348"/>
        <source>Run %1 in parallel, branches averaged	M</source>
        <translation>%1 parallel ausführen, Zweige gemittelt	M</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="351"/>
        <source>Run in sequence again	S</source>
        <translation>Wieder nacheinander ausführen	S</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="353"/>
        <source>Reverse %1	R</source>
        <translation>%1 umkehren	R</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="356"/>
        <source>Shift+click another block to select a span</source>
        <translation>Umschalt+Klick auf einen weiteren Block wählt eine Spanne</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="490"/>
        <source>Block %1 (%2), stage %3, output %4</source>
        <translation>Block %1 (%2), Stufe %3, Ausgabe %4</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="492"/>
        <source>, downsampling</source>
        <translation>, verkleinernd</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="494"/>
        <source>, after the fixed link %1</source>
        <translation>, nach dem festen Zwischenglied %1</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="496"/>
        <source>, deleted</source>
        <translation>, gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="500"/>
        <source>, runs in parallel with positions %1–%2 (mean of the branches)</source>
        <translation>, läuft parallel mit den Plätzen %1–%2 (Mittel der Zweige)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="501"/>
        <source>, runs in parallel with positions %1–%2 (sum of the branches)</source>
        <translation>, läuft parallel mit den Plätzen %1–%2 (Summe der Zweige)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blockstrip.cpp" line="505"/>
        <source>, %1 unit</source>
        <translation>, %1-Einheit</translation>
    </message>
</context>
<context>
    <name>pathlens::BlockTableModel</name>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="69"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="104"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="105"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="105"/>
        <source>Downsampling</source>
        <translation>Verkleinernd</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/blocktablemodel.cpp" line="105"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>pathlens::Comparison</name>
    <message>
        <location filename="../widgets/document/comparison.cpp" line="35"/>
        <source>Evaluation of the comparison model failed</source>
        <translation>Auswertung des Vergleichsmodells fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/document/comparison.cpp" line="60"/>
        <source>Comparison: %1 — evaluating…</source>
        <translation>Vergleich: %1 — wird ausgewertet…</translation>
    </message>
    <message>
        <location filename="../widgets/document/comparison.cpp" line="82"/>
        <source>Comparison: %1 — accuracy %2 on %3 images; original %4; %5</source>
        <translation>Vergleich: %1 — Genauigkeit %2 auf %3 Bildern; Original %4; %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/document/comparison.cpp" line="86"/>
        <source>%n block(s) deleted</source>
        <translation>
            <numerusform>%n Block gelöscht</numerusform>
            <numerusform>%n Blöcke gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/document/comparison.cpp" line="93"/>
        <source>blocks %1 have no counterpart in %2</source>
        <translation>Blöcke %1 haben keine Entsprechung in %2</translation>
    </message>
    <message>
        <location filename="../widgets/document/comparison.cpp" line="96"/>
        <source>the parallel groups do not apply to %1: its blocks differ</source>
        <translation>die parallelen Gruppen gelten nicht für %1: seine Blöcke sind andere</translation>
    </message>
</context>
<context>
    <name>pathlens::DocumentController</name>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="49"/>
        <source>Cannot open model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="55"/>
        <source>Doubtful weights</source>
        <translation>Zweifelhafte Gewichte</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="57"/>
        <source>Weights converted</source>
        <translation>Gewichte umgewandelt</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="66"/>
        <source>Cannot open data</source>
        <translation>Daten können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="71"/>
        <source>Some files were skipped</source>
        <translation>Einige Dateien wurden übersprungen</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="158"/>
        <source>Cannot use %1</source>
        <translation>%1 ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="157"/>
        <source>Preparing the engines…</source>
        <translation>Bereite die Engines vor…</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="37"/>
        <location filename="../widgets/document/documentcontroller.cpp" line="64"/>
        <location filename="../widgets/document/documentcontroller.cpp" line="101"/>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="139"/>
        <source>Cannot save the session</source>
        <translation>Sitzung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="117"/>
        <source>Cannot open the session</source>
        <translation>Sitzung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="79"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location filename="../widgets/document/documentcontroller.cpp" line="81"/>
        <source>Cannot open the comparison model</source>
        <translation>Vergleichsmodell kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>pathlens::EvaluationThread</name>
    <message>
        <location filename="../widgets/evaluation/evaluationthread.cpp" line="109"/>
        <source>Evaluation failed with an unknown error.</source>
        <translation>Auswertung mit unbekanntem Fehler fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>pathlens::ExportController</name>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="30"/>
        <source>Figure Size</source>
        <translation>Abbildungsgröße</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="39"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="40"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="41"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="42"/>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="43"/>
        <source>&amp;Height:</source>
        <translation>&amp;Höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="44"/>
        <source>PNG &amp;resolution:</source>
        <translation>PNG-&amp;Auflösung:</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="50"/>
        <source>PNG: %1 × %2 pixels; PDF and SVG: %3 × %4 pt</source>
        <translation>PNG: %1 × %2 Pixel; PDF und SVG: %3 × %4 pt</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="90"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="90"/>
        <source>The %1 plot is made on request: press Measure in its tab first.</source>
        <translation>Die Abbildung %1 entsteht auf Anfrage: zuerst in ihrem Reiter „Messen“ drücken.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="93"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="137"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="94"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png);;Data as CSV (*.csv);;Data as JSON (*.json)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png);;Daten als CSV (*.csv);;Daten als JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="112"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="148"/>
        <source>%1: unknown error</source>
        <translation>%1: unbekannter Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="128"/>
        <source>The accuracy history has no JSON form; export it as CSV.</source>
        <translation>Der Genauigkeitsverlauf hat keine JSON-Form; exportieren Sie ihn als CSV.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="132"/>
        <source>The %1 plot has no data to export yet.</source>
        <translation>Das Diagramm %1 hat noch keine Daten zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="110"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="112"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="146"/>
        <location filename="../widgets/plots/exportcontroller.cpp" line="148"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="137"/>
        <source>path-graph</source>
        <translation>pfadgraph</translation>
    </message>
    <message>
        <location filename="../widgets/plots/exportcontroller.cpp" line="138"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>pathlens::LectureTour</name>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="80"/>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="81"/>
        <source>The previous step (Page Up)</source>
        <translation>Der vorige Schritt (Bild auf)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="82"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="83"/>
        <source>The next step (Page Down)</source>
        <translation>Der nächste Schritt (Bild ab)</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="84"/>
        <source>End Tour</source>
        <translation>Tour beenden</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="96"/>
        <source>Lecture Tour</source>
        <translation>Vorlesungstour</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="112"/>
        <source>Next Tour Step</source>
        <translation>Nächster Tourschritt</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="114"/>
        <source>Previous Tour Step</source>
        <translation>Voriger Tourschritt</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="176"/>
        <source>Cannot start the tour</source>
        <translation>Die Tour kann nicht starten</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="222"/>
        <source>%1, step %2: %3</source>
        <translation>%1, Schritt %2: %3</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="223"/>
        <source>Cannot show the tour step</source>
        <translation>Der Tourschritt kann nicht gezeigt werden</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="285"/>
        <source>%1 holds no gradients per path length</source>
        <translation>%1 enthält keine Gradienten je Pfadlänge</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="345"/>
        <source>Lecture tour, step %1</source>
        <translation>Vorlesungstour, Schritt %1</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="450"/>
        <source>Lecture Tour: %1</source>
        <translation>Vorlesungstour: %1</translation>
    </message>
    <message>
        <location filename="../widgets/tour/lecturetour.cpp" line="451"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
</context>
<context>
    <name>pathlens::LiveDisplay</name>
    <message>
        <location filename="../widgets/evaluation/livedisplay.cpp" line="62"/>
        <source>Known from earlier in this session: not evaluated again</source>
        <translation>Aus dieser Sitzung bekannt: nicht erneut ausgewertet</translation>
    </message>
    <message>
        <location filename="../widgets/evaluation/livedisplay.cpp" line="73"/>
        <source>Evaluated on %1 (%2 threads): first estimate after %3 s, final after %4 s</source>
        <translation>Ausgewertet auf %1 (%2 Threads): erste Schätzung nach %3 s, endgültig nach %4 s</translation>
    </message>
</context>
<context>
    <name>pathlens::LivePlots</name>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="167"/>
        <source>edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="167"/>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="170"/>
        <source>original network</source>
        <translation>ursprüngliches Netz</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="172"/>
        <source>after each edit</source>
        <translation>nach jeder Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="178"/>
        <source>running estimate (95%)</source>
        <translation>laufende Schätzung (95 %)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="185"/>
        <source>path length</source>
        <translation>Pfadlänge</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="185"/>
        <source>share of paths (%)</source>
        <translation>Anteil der Pfade (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="187"/>
        <location filename="../widgets/plots/measuredfigures.cpp" line="120"/>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="189"/>
        <location filename="../widgets/plots/measuredfigures.cpp" line="121"/>
        <source>current arrangement</source>
        <translation>aktuelle Anordnung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="196"/>
        <source>Path lengths</source>
        <translation>Pfadlängen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="199"/>
        <source>Surviving paths</source>
        <translation>Überlebende Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="342"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="202"/>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="203"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="211"/>
        <source>Sample the gradient that paths of each length carry (the paper&apos;s Section 5), on training images, for the arrangement as it is now</source>
        <translation>Den Gradienten messen, den Pfade jeder Länge tragen (Abschnitt 5 des Artikels), auf Trainingsbildern, für die aktuelle Anordnung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="218"/>
        <source> per length</source>
        <translation> je Länge</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="219"/>
        <source>Random batches per path length (the paper used 1000)</source>
        <translation>Zufällige Stapel je Pfadlänge (der Artikel nahm 1000)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="220"/>
        <location filename="../widgets/plots/liveplots.cpp" line="595"/>
        <source>Gradient magnitude per path length: press Measure.</source>
        <translation>Gradientenbetrag je Pfadlänge: „Messen“ drücken.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="223"/>
        <source>Gradients</source>
        <translation>Gradienten</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="225"/>
        <source>Accuracy with each block deleted alone (the paper&apos;s Fig. 3), on the live images</source>
        <translation>Genauigkeit mit jedem einzeln gelöschten Block (Abb. 3 des Artikels), auf den Live-Bildern</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="227"/>
        <location filename="../widgets/plots/liveplots.cpp" line="596"/>
        <source>Accuracy of the original network with each single block deleted: press Measure.</source>
        <translation>Genauigkeit des ursprünglichen Netzes mit jedem einzeln gelöschten Block: „Messen“ drücken.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="230"/>
        <source>Single deletion</source>
        <translation>Einzellöschung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="232"/>
        <source>Delete k</source>
        <translation>k löschen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="233"/>
        <source>Accuracy after deleting k random blocks of the original network, k = 0 to 20 (the paper&apos;s Fig. 5a), on the live images</source>
        <translation>Genauigkeit nach dem Löschen von k zufälligen Blöcken des ursprünglichen Netzes, k = 0 bis 20 (Abb. 5a des Artikels), auf den Live-Bildern</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="236"/>
        <source>Reorder</source>
        <translation>Umordnen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="238"/>
        <source>Accuracy after swapping k random pairs of blocks of one stage, k = 0 to 20 (the paper&apos;s Fig. 5b), on the live images</source>
        <translation>Genauigkeit nach dem Vertauschen von k zufälligen Blockpaaren einer Stufe, k = 0 bis 20 (Abb. 5b des Artikels), auf den Live-Bildern</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="245"/>
        <source> per k</source>
        <translation> je k</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="246"/>
        <source>Random arrangements drawn for each k</source>
        <translation>Zufällige Anordnungen je k</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="250"/>
        <source>Delete k · reorder</source>
        <translation>k löschen · umordnen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="252"/>
        <source>Accuracy per class and the confusion matrix, the current arrangement against the original, on the live images</source>
        <translation>Genauigkeit je Klasse und Konfusionsmatrix, aktuelle Anordnung gegen das Original, auf den Live-Bildern</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="257"/>
        <source>Per class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="263"/>
        <source>Deletion × class</source>
        <translation>Löschung × Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="419"/>
        <source>Repeated blocks make paths the original network does not have: no share of its paths to draw</source>
        <translation>Wiederholte Blöcke erzeugen Pfade, die das ursprüngliche Netz nicht hat: kein Anteil seiner Pfade zu zeichnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/liveplots.cpp" line="421"/>
        <source>Paths of each length that the parallel groups and %n deletion(s) keep</source>
        <translation>
            <numerusform>Pfade jeder Länge, die die parallelen Gruppen und %n Löschung übrig lassen</numerusform>
            <numerusform>Pfade jeder Länge, die die parallelen Gruppen und %n Löschungen übrig lassen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="426"/>
        <source>kept by the current arrangement</source>
        <translation>in der aktuellen Anordnung erhalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/liveplots.cpp" line="433"/>
        <source>A plain network&apos;s one path passes every layer: %n deletion(s) break it</source>
        <translation>
            <numerusform>Der eine Pfad eines Netzes ohne Abkürzungen läuft durch jede Schicht: %n Löschung zerstört ihn</numerusform>
            <numerusform>Der eine Pfad eines Netzes ohne Abkürzungen läuft durch jede Schicht: %n Löschungen zerstören ihn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/liveplots.cpp" line="434"/>
        <source>Paths of each length that survive %n deletion(s)</source>
        <translation>
            <numerusform>Pfade jeder Länge, die %n Löschung überleben</numerusform>
            <numerusform>Pfade jeder Länge, die %n Löschungen überleben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="44"/>
        <source>this model</source>
        <translation>dieses Modell</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="47"/>
        <source>Estimate on %1 of %2 images…</source>
        <translation>Schätzung auf %1 von %2 Bildern…</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="93"/>
        <source>Change of each class&apos;s accuracy when one block is deleted — %1</source>
        <translation>Änderung der Genauigkeit jeder Klasse, wenn ein Block gelöscht wird — %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="97"/>
        <source>majority vote of the %1 lesioned networks: %2%, full network: %3%;
mean disagreement of two lesioned networks: %4%</source>
        <translation>Mehrheitsentscheid der %1 beschädigten Netze: %2 %, volles Netz: %3 %;
mittlere Uneinigkeit zweier beschädigter Netze: %4 %</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="104"/>
        <source>How often two lesioned networks disagree — %1</source>
        <translation>Wie oft zwei beschädigte Netze uneins sind — %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="119"/>
        <source>Accuracy per class — %1</source>
        <translation>Genauigkeit je Klasse — %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="123"/>
        <source>Confusion matrix, current minus original — %1</source>
        <translation>Konfusionsmatrix, aktuell minus Original — %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="134"/>
        <source>Done: %1 images; original %2%, current arrangement %3%.</source>
        <translation>Fertig: %1 Bilder; Original %2 %, aktuelle Anordnung %3 %.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="153"/>
        <source>Done: %1 samples in %2 s.</source>
        <translation>Fertig: %1 Stichproben in %2 s.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="154"/>
        <source>%1 of %2 samples…</source>
        <translation>%1 von %2 Stichproben…</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="146"/>
        <location filename="../widgets/plots/measuredfigures.cpp" line="162"/>
        <source>Measured for an earlier arrangement; press Measure for this one.</source>
        <translation>Für eine frühere Anordnung gemessen; „Messen“ für diese drücken.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/measuredfigures.cpp" line="208"/>
        <source>Measuring the original network and this arrangement on %n image(s), class by class…</source>
        <translation>
            <numerusform>Messe das ursprüngliche Netz und diese Anordnung auf %n Bild, Klasse für Klasse …</numerusform>
            <numerusform>Messe das ursprüngliche Netz und diese Anordnung auf %n Bildern, Klasse für Klasse …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="144"/>
        <source>Accuracy per class of the current arrangement against the original, and how the confusion matrix changes: press Measure.</source>
        <translation>Genauigkeit je Klasse der aktuellen Anordnung gegen das Original, und wie sich die Konfusionsmatrix ändert: Messen drücken.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="150"/>
        <source>Accuracy after deleting k random blocks, or swapping k random pairs, of the original network: press Delete k or Reorder.</source>
        <translation>Genauigkeit nach dem Löschen von k zufälligen Blöcken oder dem Vertauschen von k zufälligen Paaren des ursprünglichen Netzes: „k löschen“ oder „Umordnen“ drücken.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="156"/>
        <source>Which classes pay for each single deletion, and how often the lesioned networks disagree: measured with Single deletion.</source>
        <translation>Welche Klassen jede einzelne Löschung bezahlen und wie oft die beschädigten Netze uneins sind: gemessen mit Einzellöschung.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="46"/>
        <source>Done: %1 images in %2 s.</source>
        <translation>Fertig: %1 Bilder in %2 s.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="75"/>
        <source>Done: %1 images, %2 samples per k, seed %3, in %4 s.</source>
        <translation>Fertig: %1 Bilder, %2 Stichproben je k, Seed %3, in %4 s.</translation>
    </message>
    <message>
        <location filename="../widgets/plots/measuredfigures.cpp" line="109"/>
        <source>Done: %1 images; majority vote %2%, full network %3%.</source>
        <translation>Fertig: %1 Bilder; Mehrheitsvotum %2 %, volles Netz %3 %.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/measuredfigures.cpp" line="197"/>
        <source>Measuring each single deletion on %n image(s)…</source>
        <translation>
            <numerusform>Messe jede einzelne Löschung auf %n Bild …</numerusform>
            <numerusform>Messe jede einzelne Löschung auf %n Bildern …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/measuredfigures.cpp" line="203"/>
        <source>Measuring %n sample(s) per path length…</source>
        <translation>
            <numerusform>Messe %n Stichprobe je Pfadlänge …</numerusform>
            <numerusform>Messe %n Stichproben je Pfadlänge …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="613"/>
        <source>%1 after each edit</source>
        <translation>%1 nach jeder Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="614"/>
        <source>%1, original</source>
        <translation>%1, Original</translation>
    </message>
    <message>
        <location filename="../widgets/plots/liveplots.cpp" line="432"/>
        <source>No block deleted: every path survives</source>
        <translation>Kein Block gelöscht: jeder Pfad überlebt</translation>
    </message>
</context>
<context>
    <name>pathlens::MainActions</name>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="34"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="35"/>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="36"/>
        <source>Open &amp;Data…</source>
        <translation>&amp;Daten öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="36"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="37"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="38"/>
        <source>Open &amp;Comparison Model…</source>
        <translation>&amp;Vergleichsmodell öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="39"/>
        <source>C&amp;lose Comparison</source>
        <translation>Vergleich s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="41"/>
        <source>Open &amp;Session…</source>
        <translation>&amp;Sitzung öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="41"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="42"/>
        <source>&amp;Save Session…</source>
        <translation>Sitzung &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="44"/>
        <source>&amp;Export Plot</source>
        <translation>Diagramm &amp;exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="45"/>
        <source>&amp;Accuracy…</source>
        <translation>&amp;Genauigkeit…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="45"/>
        <source>Path &amp;Lengths…</source>
        <translation>Pfad&amp;längen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="45"/>
        <source>&amp;Surviving Paths…</source>
        <translation>Ü&amp;berlebende Pfade…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="45"/>
        <source>&amp;Gradients…</source>
        <translation>G&amp;radienten…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="46"/>
        <source>Single &amp;Deletion…</source>
        <translation>&amp;Einzellöschung…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="46"/>
        <source>Accuracy per &amp;Class…</source>
        <translation>Genauigkeit je &amp;Klasse…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="46"/>
        <source>C&amp;onfusion Change…</source>
        <translation>&amp;Konfusionsänderung…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="47"/>
        <source>Deletion × Cla&amp;ss…</source>
        <translation>Löschung × K&amp;lasse…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="47"/>
        <source>D&amp;isagreement…</source>
        <translation>&amp;Uneinigkeit…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="47"/>
        <source>Deleting &amp;k Blocks…</source>
        <translation>&amp;k Blöcke löschen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="48"/>
        <source>&amp;Reordering…</source>
        <translation>&amp;Umordnen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="48"/>
        <source>Reordering by &amp;Tau…</source>
        <translation>Umordnen nach &amp;Tau…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="51"/>
        <source>Export Path &amp;Graph…</source>
        <translation>Pfad&amp;graph exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="53"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="55"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="56"/>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="59"/>
        <source>Leave presentation mode</source>
        <translation>Präsentationsmodus verlassen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="66"/>
        <source>Evaluate on the &amp;Full Test Set</source>
        <translation>Auf dem &amp;ganzen Testsatz auswerten</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="69"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="71"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="71"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="71"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="79"/>
        <source>&amp;Lecture Layout</source>
        <translation>&amp;Vorlesungsansicht</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="82"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="84"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="86"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="91"/>
        <source>Re&amp;set to the Original</source>
        <translation>&amp;Auf das Original zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="92"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="94"/>
        <source>&amp;Delete Random Blocks</source>
        <translation>Zufällige Blöcke &amp;löschen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="95"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="97"/>
        <source>S&amp;wap Random Pairs</source>
        <translation>Zufällige Paare &amp;vertauschen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="98"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="104"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="108"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="109"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="110"/>
        <source>&amp;Lecture Tour</source>
        <translation>&amp;Vorlesungstour</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="114"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="115"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="116"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="123"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location filename="../widgets/window/mainactions.cpp" line="124"/>
        <source>How many blocks to delete or pairs to swap at random</source>
        <translation>Wie viele Blöcke zufällig gelöscht oder Paare zufällig vertauscht werden</translation>
    </message>
</context>
<context>
    <name>pathlens::MainWindow</name>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="53"/>
        <source>pathlens</source>
        <translation>pathlens</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="132"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="137"/>
        <source>Click or Space: delete / restore a block. Drag a block onto another: move it there. Arrow keys move the focus, Ctrl+arrows move the block.</source>
        <translation>Klick oder Leertaste: Block löschen / wiederherstellen. Block auf einen anderen ziehen: dorthin verschieben. Pfeiltasten bewegen den Fokus, Strg+Pfeiltasten den Block.</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="169"/>
        <location filename="../widgets/window/mainwindow.cpp" line="310"/>
        <location filename="../widgets/window/mainwindow.cpp" line="316"/>
        <location filename="../widgets/window/mainwindow.cpp" line="322"/>
        <source>Cannot measure</source>
        <translation>Messen nicht möglich</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="202"/>
        <location filename="../widgets/window/mainwindow.cpp" line="213"/>
        <source>Start the lecture tour</source>
        <translation>Vorlesungstour starten</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="203"/>
        <source>The tour opens its own models: the measurement under way stops, and the results measured on this model (%1) are discarded. Export them first if you need them.</source>
        <translation>Die Tour öffnet ihre eigenen Modelle: Die laufende Messung wird beendet, und die an diesem Modell gemessenen Ergebnisse (%1) werden verworfen. Exportieren Sie sie vorher, wenn Sie sie brauchen.</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="206"/>
        <source>The tour opens its own models: the results measured on this model (%1) are discarded. Export them first if you need them.</source>
        <translation>Die Tour öffnet ihre eigenen Modelle: Die an diesem Modell gemessenen Ergebnisse (%1) werden verworfen. Exportieren Sie sie vorher, wenn Sie sie brauchen.</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="214"/>
        <source>The tour replaces the current arrangement, which has changed since it was last saved. Save it as a session first?</source>
        <translation>Die Tour ersetzt die aktuelle Anordnung, die seit dem letzten Speichern geändert wurde. Zuerst als Sitzung speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="96"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="159"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="175"/>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="443"/>
        <source>Session saved to %1</source>
        <translation>Sitzung gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="453"/>
        <source>Arrangement of %1</source>
        <translation>Anordnung aus %1</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="104"/>
        <source>Open Comparison Model</source>
        <translation>Vergleichsmodell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="21"/>
        <source>Click, Space</source>
        <translation>Klick, Leertaste</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="21"/>
        <source>delete or restore the block</source>
        <translation>Block löschen oder wiederherstellen</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="22"/>
        <source>Drag a block onto another</source>
        <translation>Block auf einen anderen ziehen</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="22"/>
        <source>move it there</source>
        <translation>dorthin verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="23"/>
        <source>← →</source>
        <translation>← →</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="23"/>
        <source>move the focus along the blocks</source>
        <translation>Fokus entlang der Blöcke bewegen</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="24"/>
        <source>Ctrl+← Ctrl+→</source>
        <translation>Strg+← Strg+→</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="24"/>
        <source>move the focused block</source>
        <translation>den fokussierten Block verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="25"/>
        <source>Mouse wheel, drag</source>
        <translation>Mausrad, Ziehen</translation>
    </message>
    <message>
        <location filename="../widgets/window/shortcutsheet.cpp" line="25"/>
        <source>zoom and pan the path graph</source>
        <translation>Pfadgraph zoomen und verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="274"/>
        <source>Unsaved arrangement</source>
        <translation>Ungespeicherte Anordnung</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="274"/>
        <source>The arrangement has changed since it was last saved. Save it as a session?</source>
        <translation>Die Anordnung hat sich seit dem letzten Speichern geändert. Als Sitzung speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="388"/>
        <source>pathlens — %1</source>
        <translation>pathlens — %1</translation>
    </message>
    <message>
        <location filename="../widgets/window/mainwindow.cpp" line="157"/>
        <source>Evaluation failed</source>
        <translation>Auswertung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>pathlens::NetworkPanel</name>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="73"/>
        <source>No model loaded. Use File → Open Model.</source>
        <translation>Kein Modell geladen. Datei → Modell öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="36"/>
        <source>Path graph</source>
        <translation>Pfadgraph</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="37"/>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="49"/>
        <source>%1 (%2 images, %3; %4)</source>
        <translation>%1 (%2 Bilder, %3; %4)</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="54"/>
        <source>evaluating all of them</source>
        <translation>alle werden ausgewertet</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="55"/>
        <source>live subset: %1 class-balanced images</source>
        <translation>Live-Teilmenge: %1 klassenbalancierte Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="56"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/blocks/networkpanel.cpp" line="58"/>
        <source>%n layer(s) without shortcuts</source>
        <translation>
            <numerusform>%n Schicht ohne Abkürzungen</numerusform>
            <numerusform>%n Schichten ohne Abkürzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/blocks/networkpanel.cpp" line="59"/>
        <source>%n block(s) in %1</source>
        <translation>
            <numerusform>%n Block in %1</numerusform>
            <numerusform>%n Blöcke in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/blocks/networkpanel.cpp" line="59"/>
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n Stufe</numerusform>
            <numerusform>%n Stufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="60"/>
        <source>Click a layer to delete it, drag it to move it.</source>
        <translation>Klick auf eine Schicht löscht sie, Ziehen verschiebt sie.</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="61"/>
        <source>Click a block to delete its residual branch, drag it to move it.</source>
        <translation>Klick auf einen Block löscht seinen Residualzweig, Ziehen verschiebt ihn.</translation>
    </message>
    <message>
        <location filename="../widgets/blocks/networkpanel.cpp" line="63"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, input %3, %4 classes, %5 parameters, %6.&lt;br&gt;Data: %7. %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, Eingabe %3, %4 Klassen, %5 Parameter, %6.&lt;br&gt;Daten: %7. %8</translation>
    </message>
</context>
<context>
    <name>pathlens::PathGraph</name>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="90"/>
        <source>Unraveled (window of blocks)</source>
        <translation>Entfaltet (Fenster von Blöcken)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="92"/>
        <source>Lattice (whole network, by length)</source>
        <translation>Gitter (ganzes Netz, nach Länge)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="96"/>
        <source>from slot </source>
        <translation>ab Platz </translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="100"/>
        <source>window </source>
        <translation>Fenster </translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="103"/>
        <source>Width by number of paths</source>
        <translation>Breite nach Anzahl der Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="105"/>
        <source>Width by gradient mass</source>
        <translation>Breite nach Gradientenmasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="89"/>
        <source>Unraveled</source>
        <translation>Entfaltet</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="91"/>
        <source>Lattice</source>
        <translation>Gitter</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="93"/>
        <source>Unraveled: every path through a window of blocks. Lattice: the whole network, paths grouped by length</source>
        <translation>Entfaltet: jeder Pfad durch ein Fenster von Blöcken. Gitter: das ganze Netz, Pfade nach Länge gruppiert</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="102"/>
        <source>By paths</source>
        <translation>Nach Pfaden</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="104"/>
        <source>By gradient</source>
        <translation>Nach Gradient</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="106"/>
        <source>Edge width by the number of paths or by gradient mass; gradient mass needs the gradients measured for the current arrangement (Gradients tab)</source>
        <translation>Kantenbreite nach Anzahl der Pfade oder nach Gradientenmasse; die Gradientenmasse braucht die für die aktuelle Anordnung gemessenen Gradienten (Reiter Gradienten)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="108"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="280"/>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="284"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="326"/>
        <source>length %1</source>
        <translation>Länge %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="334"/>
        <source>input of slot %1</source>
        <translation>Eingang von Platz %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="337"/>
        <source>output of slot %1</source>
        <translation>Ausgang von Platz %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="338"/>
        <source>sum after slot %1</source>
        <translation>Summe nach Platz %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="427"/>
        <source>layer of slot %1 (block %2): the only path</source>
        <translation>Schicht von Platz %1 (Block %2): der einzige Pfad</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="428"/>
        <source>slot %1 (block %2) deleted: the identity in its place</source>
        <translation>Platz %1 (Block %2) gelöscht: die Identität an seiner Stelle</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="432"/>
        <source>shortcut of the parallel group of slots %1–%2: %3% of all paths</source>
        <translation>Abkürzung der parallelen Gruppe der Plätze %1–%2: %3 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="434"/>
        <source>shortcut of slot %1 (block %2): %3% of all paths</source>
        <translation>Abkürzung von Platz %1 (Block %2): %3 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="438"/>
        <source>one of the %1 branches of slots %2–%3, run in parallel: %4% of all paths</source>
        <translation>einer der %1 Zweige der Plätze %2–%3, parallel ausgeführt: %4 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="440"/>
        <source>residual branch of slot %1 (block %2): %3% of all paths</source>
        <translation>Residualzweig von Platz %1 (Block %2): %3 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="447"/>
        <source>slots %1–%2 run in parallel: %3 active branches on the same input</source>
        <translation>Plätze %1–%2 laufen parallel: %3 aktive Zweige auf derselben Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="453"/>
        <source>every block of slots %1–%2 deleted: only the shortcut remains</source>
        <translation>jeder Block der Plätze %1–%2 gelöscht: nur die Abkürzung bleibt</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="454"/>
        <source>block %1 deleted: only its shortcut remains</source>
        <translation>Block %1 gelöscht: nur seine Abkürzung bleibt</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="465"/>
        <source>after %1 slots, %2 residual branches taken: %3 paths</source>
        <translation>nach %1 Plätzen, %2 Residualzweige durchlaufen: %3 Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="486"/>
        <source>slots →</source>
        <translation>Plätze →</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="491"/>
        <source>path length ↓</source>
        <translation>Pfadlänge ↓</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="492"/>
        <source>plain network, no shortcuts: one path, through its %1 layers that are not deleted</source>
        <translation>einfaches Netz ohne Abkürzungen: ein Pfad, durch seine %1 nicht gelöschten Schichten</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="493"/>
        <source>%1 active blocks, some in parallel groups: %2 paths, each through at most one branch of a group; down = longer paths; width = number of paths</source>
        <translation>%1 aktive Blöcke, einige in parallelen Gruppen: %2 Pfade, jeder durch höchstens einen Zweig einer Gruppe; nach unten = längere Pfade; Breite = Anzahl der Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="497"/>
        <source>%1 active blocks: 2^%1 = %2 paths; down = longer paths; width = gradient mass</source>
        <translation>%1 aktive Blöcke: 2^%1 = %2 Pfade; nach unten = längere Pfade; Breite = Gradientenmasse</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pathgraph.cpp" line="498"/>
        <source>%1 active blocks: 2^%1 = %2 paths; down = longer paths; width = number of paths</source>
        <translation>%1 aktive Blöcke: 2^%1 = %2 Pfade; nach unten = längere Pfade; Breite = Anzahl der Pfade</translation>
    </message>
</context>
<context>
    <name>pathlens::RecentFiles</name>
    <message>
        <location filename="../widgets/document/recentfiles.cpp" line="25"/>
        <source>TorchScript models (*.pt *.pth *.ptl);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ptl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/document/recentfiles.cpp" line="30"/>
        <source>Open Data Folder (IDX, CIFAR-10 binary, or one sub-folder of images per class)</source>
        <translation>Datenordner öffnen (IDX, CIFAR-10 binär oder ein Unterordner mit Bildern je Klasse)</translation>
    </message>
    <message>
        <location filename="../widgets/document/recentfiles.cpp" line="36"/>
        <source>pathlens sessions (*.json)</source>
        <translation>pathlens-Sitzungen (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/document/recentfiles.cpp" line="37"/>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location filename="../widgets/document/recentfiles.cpp" line="38"/>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
</context>
<context>
    <name>pathlens::SettingsDialog</name>
    <message>
        <location filename="../widgets/document/settings.cpp" line="192"/>
        <source>FP32 (exact)</source>
        <translation>FP32 (exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="193"/>
        <source>TF32 (CUDA only, less exact)</source>
        <translation>TF32 (nur CUDA, weniger exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="193"/>
        <source>TF32 (CUDA only: not available here)</source>
        <translation>TF32 (nur CUDA: hier nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="195"/>
        <source>BF16 (less exact)</source>
        <translation>BF16 (weniger exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="199"/>
        <source>&amp;Arithmetic:</source>
        <translation>&amp;Arithmetik:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="179"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="183"/>
        <source>Automatic (CUDA when present)</source>
        <translation>Automatisch (CUDA, wenn vorhanden)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="184"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="185"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="185"/>
        <source>CUDA (not available here)</source>
        <translation>CUDA (hier nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="187"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="203"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="205"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="210"/>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="212"/>
        <source>&amp;Full test set (slower, exact)</source>
        <translation>&amp;Ganzer Testsatz (langsamer, exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="216"/>
        <source>&amp;Live subset:</source>
        <translation>&amp;Live-Teilmenge:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="220"/>
        <location filename="../widgets/document/settings.cpp" line="225"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="220"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="220"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="222"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="229"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../widgets/document/settings.cpp" line="230"/>
        <source>A new language takes effect when pathlens starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von pathlens.</translation>
    </message>
</context>
<context>
    <name>pathlens::WindowLayout</name>
    <message>
        <location filename="../widgets/window/windowlayout.cpp" line="37"/>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/window/windowlayout.cpp" line="38"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
</context>
</TS>
