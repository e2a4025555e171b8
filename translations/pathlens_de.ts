<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/figures.cpp" line="163"/>
        <source>deleted block (0-based index)</source>
        <translation>gelöschter Block (Index ab 0)</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="164"/>
        <location filename="../widgets/figures.cpp" line="207"/>
        <source>test accuracy (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="171"/>
        <source>%1, no block deleted</source>
        <translation>%1, kein Block gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="182"/>
        <source>downsampling block</source>
        <translation>verkleinernder Block</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="206"/>
        <source>number of swapped block pairs</source>
        <translation>Anzahl vertauschter Blockpaare</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="206"/>
        <source>number of deleted blocks</source>
        <translation>Anzahl gelöschter Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="210"/>
        <source>mean ± std over samples</source>
        <translation>Mittelwert ± Standardabweichung über Stichproben</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="212"/>
        <source>original network</source>
        <translation>ursprüngliches Netz</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="215"/>
        <source>Kendall&apos;s tau</source>
        <translation>Kendalls Tau</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="217"/>
        <source>mean Kendall&apos;s tau</source>
        <translation>mittleres Kendalls Tau</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="230"/>
        <source>path length (residual branches passed)</source>
        <translation>Pfadlänge (durchlaufene Residualzweige)</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="231"/>
        <source>share of all paths</source>
        <translation>Anteil aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="234"/>
        <source>distribution of path lengths</source>
        <translation>Verteilung der Pfadlängen</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="242"/>
        <source>fraction of paths surviving</source>
        <translation>Anteil überlebender Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="246"/>
        <source>surviving after deleting 1 block</source>
        <translation>überlebend nach Löschen von 1 Block</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="247"/>
        <source>surviving after deleting %1 blocks</source>
        <translation>überlebend nach Löschen von %1 Blöcken</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="259"/>
        <source>path length k</source>
        <translation>Pfadlänge k</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="260"/>
        <source>gradient magnitude per path (mean ± std)</source>
        <translation>Gradientenbetrag je Pfad (Mittelwert ± Standardabweichung)</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="262"/>
        <source>total gradient of all paths of length k</source>
        <translation>Gesamtgradient aller Pfade der Länge k</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="283"/>
        <source>mean gradient magnitude ± std</source>
        <translation>mittlerer Gradientenbetrag ± Standardabweichung</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="285"/>
        <source>total: C(n, k) × mean</source>
        <translation>gesamt: C(n, k) × Mittelwert</translation>
    </message>
    <message>
        <location filename="../widgets/figures.cpp" line="303"/>
        <source>effective paths: lengths %1–%2, %3% of all paths</source>
        <translation>effektive Pfade: Längen %1–%2, %3% aller Pfade</translation>
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
        <source>TorchScript model (.pt) or saved session (.json)</source>
        <translation>TorchScript-Modell (.pt) oder gespeicherte Sitzung (.json)</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="35"/>
        <source>Data set folder or file.</source>
        <translation>Ordner oder Datei des Datensatzes.</translation>
    </message>
</context>
<context>
    <name>pathlens::ArrangementEditor</name>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="66"/>
        <source>the arrangement has %1 slots but the network has %2 blocks</source>
        <translation>die Anordnung hat %1 Plätze, das Netz aber %2 Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="73"/>
        <location filename="../widgets/arrangementeditor.cpp" line="86"/>
        <source>no block at position %1</source>
        <translation>kein Block an Position %1</translation>
    </message>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="78"/>
        <source>Restore block %1 (%2)</source>
        <translation>Block %1 wiederherstellen (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="79"/>
        <source>Delete block %1 (%2)</source>
        <translation>Block %1 löschen (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="93"/>
        <source>Move block %1 to position %2</source>
        <translation>Block %1 an Position %2 verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/arrangementeditor.cpp" line="98"/>
        <source>Reset to the original network</source>
        <translation>Auf das ursprüngliche Netz zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/arrangementeditor.cpp" line="116"/>
        <source>Delete %n random block(s)</source>
        <translation>
            <numerusform>%n zufälligen Block löschen</numerusform>
            <numerusform>%n zufällige Blöcke löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/arrangementeditor.cpp" line="122"/>
        <source>Swap %n random pair(s)</source>
        <translation>
            <numerusform>%n zufälliges Paar vertauschen</numerusform>
            <numerusform>%n zufällige Paare vertauschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::LivePlots</name>
    <message>
        <location filename="../widgets/liveplots.cpp" line="42"/>
        <source>edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="42"/>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="48"/>
        <source>original network</source>
        <translation>ursprüngliches Netz</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="51"/>
        <source>after each edit</source>
        <translation>nach jeder Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="61"/>
        <source>running estimate (95%)</source>
        <translation>laufende Schätzung (95 %)</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="69"/>
        <source>path length</source>
        <translation>Pfadlänge</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="69"/>
        <source>share of paths (%)</source>
        <translation>Anteil der Pfade (%)</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="72"/>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="75"/>
        <source>current arrangement</source>
        <translation>aktuelle Anordnung</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="102"/>
        <source>%1 after each edit</source>
        <translation>%1 nach jeder Bearbeitung</translation>
    </message>
    <message>
        <location filename="../widgets/liveplots.cpp" line="103"/>
        <source>%1, original</source>
        <translation>%1, Original</translation>
    </message>
</context>
<context>
    <name>pathlens::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="65"/>
        <source>pathlens</source>
        <translation>pathlens</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="66"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="67"/>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="68"/>
        <source>Open &amp;Data…</source>
        <translation>&amp;Daten öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="68"/>
        <location filename="../widgets/mainwindow.cpp" line="765"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="69"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="70"/>
        <source>Open &amp;Comparison Model…</source>
        <translation>&amp;Vergleichsmodell öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="71"/>
        <source>C&amp;lose Comparison</source>
        <translation>Vergleich s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="73"/>
        <source>Open &amp;Session…</source>
        <translation>&amp;Sitzung öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="73"/>
        <location filename="../widgets/mainwindow.cpp" line="767"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="74"/>
        <source>&amp;Save Session…</source>
        <translation>Sitzung &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="76"/>
        <source>Export &amp;Accuracy Plot…</source>
        <translation>&amp;Genauigkeitsdiagramm exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="76"/>
        <source>accuracy</source>
        <translation>genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="77"/>
        <source>Export Path-&amp;Length Plot…</source>
        <translation>Pfad&amp;längendiagramm exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="77"/>
        <source>path-lengths</source>
        <translation>pfadlaengen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="78"/>
        <source>Export Path &amp;Graph…</source>
        <translation>Pfad&amp;graph exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="80"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="82"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="83"/>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="94"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="95"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="96"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="103"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="104"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="106"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="107"/>
        <location filename="../widgets/mainwindow.cpp" line="761"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="108"/>
        <source>Re&amp;set to the Original</source>
        <translation>&amp;Auf das Original zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="109"/>
        <location filename="../widgets/mainwindow.cpp" line="762"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="111"/>
        <source>&amp;Delete Random Blocks</source>
        <translation>Zufällige Blöcke &amp;löschen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="112"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="117"/>
        <source>S&amp;wap Random Pairs</source>
        <translation>Zufällige Paare &amp;vertauschen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="118"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="127"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="134"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="135"/>
        <source>How many blocks to delete or pairs to swap at random</source>
        <translation>Wie viele Blöcke zufällig gelöscht oder Paare zufällig vertauscht werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="142"/>
        <source>No model loaded. Use File → Open Model.</source>
        <translation>Kein Modell geladen. Datei → Modell öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="152"/>
        <source>Click or Space: delete / restore a block. Drag a block onto another: move it there. Arrow keys move the focus, Ctrl+arrows move the block.</source>
        <translation>Klick oder Leertaste: Block löschen / wiederherstellen. Block auf einen anderen ziehen: dorthin verschieben. Pfeiltasten bewegen den Fokus, Strg+Pfeiltasten den Block.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="159"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="160"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="160"/>
        <source>Downsampling</source>
        <translation>Verkleinernd</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="160"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="172"/>
        <source>Path graph</source>
        <translation>Pfadgraph</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="173"/>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="197"/>
        <source>Evaluation of the comparison model failed</source>
        <translation>Auswertung des Vergleichsmodells fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="223"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="224"/>
        <location filename="../widgets/mainwindow.cpp" line="658"/>
        <source>TorchScript models (*.pt *.pth *.ptl);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ptl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="231"/>
        <source>Open Data Folder (IDX or CIFAR-10 binary)</source>
        <translation>Datenordner öffnen (IDX oder CIFAR-10 binär)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="251"/>
        <source>Cannot open model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="258"/>
        <source>Doubtful weights</source>
        <translation>Zweifelhafte Gewichte</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="277"/>
        <source>Cannot open data</source>
        <translation>Daten können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="303"/>
        <source>Cannot use %1</source>
        <translation>%1 ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="329"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="336"/>
        <source>%1 (%2 images, %3; live subset: %4 class-balanced test images)</source>
        <translation>%1 (%2 Bilder, %3; Live-Teilmenge: %4 klassenbalancierte Testbilder)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="342"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, input %3, %4 classes, %5 parameters, %6 blocks in %7 stages.&lt;br&gt;Data: %8. Click a block to delete its residual branch, drag it to move it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, Eingabe %3, %4 Klassen, %5 Parameter, %6 Blöcke in %7 Stufen.&lt;br&gt;Daten: %8. Klick auf einen Block löscht seinen Residualzweig, Ziehen verschiebt ihn.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="414"/>
        <source>Evaluating %1 on %2 class-balanced test images…</source>
        <translation>Werte %1 auf %2 klassenbalancierten Testbildern aus…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="468"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="469"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="479"/>
        <location filename="../widgets/mainwindow.cpp" line="492"/>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="481"/>
        <location filename="../widgets/mainwindow.cpp" line="494"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="487"/>
        <source>path-graph</source>
        <translation>pfadgraph</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="529"/>
        <source>Cannot save the session</source>
        <translation>Sitzung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="529"/>
        <location filename="../widgets/mainwindow.cpp" line="540"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="533"/>
        <source>Session saved to %1</source>
        <translation>Sitzung gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="540"/>
        <source>Cannot open the session</source>
        <translation>Sitzung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="549"/>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="552"/>
        <source>written by a newer pathlens (session format %1); this one reads format 1</source>
        <translation>von einem neueren pathlens geschrieben (Sitzungsformat %1); dieses liest Format 1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="554"/>
        <source>not a pathlens session (no &quot;pathlens_session&quot;: 1)</source>
        <translation>keine pathlens-Sitzung (kein &quot;pathlens_session&quot;: 1)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="559"/>
        <source>every arrangement entry needs a &quot;block&quot; number and an &quot;active&quot; flag</source>
        <translation>jeder Eintrag der Anordnung braucht eine Zahl &quot;block&quot; und einen Schalter &quot;active&quot;</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="568"/>
        <source>the arrangement has %1 slots, but %2 has %3 blocks</source>
        <translation>die Anordnung hat %1 Plätze, %2 aber %3 Blöcke</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="570"/>
        <source>the arrangement cannot run: %1</source>
        <translation>die Anordnung ist nicht lauffähig: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="581"/>
        <source>Arrangement of %1</source>
        <translation>Anordnung aus %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="601"/>
        <source>pathlens sessions (*.json)</source>
        <translation>pathlens-Sitzungen (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="602"/>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="603"/>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="656"/>
        <source>Open Comparison Model</source>
        <translation>Vergleichsmodell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="674"/>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="674"/>
        <source>%1: open a data set first</source>
        <translation>%1: zuerst einen Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="688"/>
        <source>Cannot open the comparison model</source>
        <translation>Vergleichsmodell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="697"/>
        <source>Comparison: %1 — evaluating…</source>
        <translation>Vergleich: %1 — wird ausgewertet…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="745"/>
        <source>Comparison: %1 — accuracy %2 on %3 images; original %4; %5 blocks deleted</source>
        <translation>Vergleich: %1 — Genauigkeit %2 auf %3 Bildern; Original %4; %5 Blöcke gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="756"/>
        <source>Click, Space</source>
        <translation>Klick, Leertaste</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="756"/>
        <source>delete or restore the block</source>
        <translation>Block löschen oder wiederherstellen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="757"/>
        <source>Drag a block onto another</source>
        <translation>Block auf einen anderen ziehen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="757"/>
        <source>move it there</source>
        <translation>dorthin verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="758"/>
        <source>← →</source>
        <translation>← →</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="758"/>
        <source>move the focus along the blocks</source>
        <translation>Fokus entlang der Blöcke bewegen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="759"/>
        <source>Ctrl+← Ctrl+→</source>
        <translation>Strg+← Strg+→</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="759"/>
        <source>move the focused block</source>
        <translation>den fokussierten Block verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="760"/>
        <source>undo</source>
        <translation>rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="761"/>
        <source>redo</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="762"/>
        <source>reset to the original network</source>
        <translation>auf das ursprüngliche Netz zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="763"/>
        <source>Ctrl+Shift+D / Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+D / Ctrl+Shift+W</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="763"/>
        <source>delete k random blocks / swap k random pairs</source>
        <translation>k zufällige Blöcke löschen / k zufällige Paare vertauschen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="764"/>
        <source>open a model</source>
        <translation>ein Modell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="765"/>
        <source>open a data set</source>
        <translation>einen Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="766"/>
        <source>save the session</source>
        <translation>die Sitzung speichern</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="767"/>
        <source>open a session</source>
        <translation>eine Sitzung öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="768"/>
        <source>F11, Esc</source>
        <translation>F11, Esc</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="768"/>
        <source>presentation mode on, off</source>
        <translation>Präsentationsmodus ein, aus</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="769"/>
        <source>Mouse wheel, drag</source>
        <translation>Mausrad, Ziehen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="769"/>
        <source>zoom and pan the path graph</source>
        <translation>Pfadgraph zoomen und verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="341"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="352"/>
        <source>pathlens — %1</source>
        <translation>pathlens — %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="426"/>
        <source>Accuracy %1 ± %2 (estimate on %3 of %4 images)</source>
        <translation>Genauigkeit %1 ± %2 (Schätzung auf %3 von %4 Bildern)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="448"/>
        <source>Accuracy %1 on %2 images; original %3; %4 blocks deleted</source>
        <translation>Genauigkeit %1 auf %2 Bildern; Original %3; %4 Blöcke gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="451"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="454"/>
        <source>Evaluated in %1 s on %2</source>
        <translation>Ausgewertet in %1 s auf %2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="463"/>
        <source>Evaluation failed</source>
        <translation>Auswertung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>pathlens::PathGraph</name>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="71"/>
        <source>Unraveled (window of blocks)</source>
        <translation>Entfaltet (Fenster von Blöcken)</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="72"/>
        <source>Lattice (whole network, by length)</source>
        <translation>Gitter (ganzes Netz, nach Länge)</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="74"/>
        <source>from slot </source>
        <translation>ab Platz </translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="78"/>
        <source>window </source>
        <translation>Fenster </translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="79"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="177"/>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="178"/>
        <source>block %1 (deleted)</source>
        <translation>Block %1 (gelöscht)</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="207"/>
        <source>length %1</source>
        <translation>Länge %1</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="214"/>
        <source>input of slot %1</source>
        <translation>Eingang von Platz %1</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="216"/>
        <source>sum after slot %1</source>
        <translation>Summe nach Platz %1</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="247"/>
        <source>shortcut of slot %1 (block %2): %3% of all paths</source>
        <translation>Abkürzung von Platz %1 (Block %2): %3 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="251"/>
        <source>residual branch of slot %1 (block %2): %3% of all paths</source>
        <translation>Residualzweig von Platz %1 (Block %2): %3 % aller Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="258"/>
        <source>block %1 deleted: only its shortcut remains</source>
        <translation>Block %1 gelöscht: nur seine Abkürzung bleibt</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="267"/>
        <source>after %1 slots, %2 residual branches taken: %3 paths</source>
        <translation>nach %1 Plätzen, %2 Residualzweige durchlaufen: %3 Pfade</translation>
    </message>
    <message>
        <location filename="../widgets/pathgraph.cpp" line="272"/>
        <source>%1 active blocks: 2^%1 = %2 paths; down = longer paths</source>
        <translation>%1 aktive Blöcke: 2^%1 = %2 Pfade; nach unten = längere Pfade</translation>
    </message>
</context>
</TS>
