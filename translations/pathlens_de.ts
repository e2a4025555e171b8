<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui.cpp" line="28"/>
        <source>Residual networks as ensembles of paths.</source>
        <translation>Residualnetze als Ensembles von Pfaden.</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="31"/>
        <source>TorchScript model (.pt)</source>
        <translation>TorchScript-Modell (.pt)</translation>
    </message>
    <message>
        <location filename="../app/gui.cpp" line="34"/>
        <source>Data set folder or file.</source>
        <translation>Ordner oder Datei des Datensatzes.</translation>
    </message>
</context>
<context>
    <name>pathlens::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="44"/>
        <source>pathlens</source>
        <translation>pathlens</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="45"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="46"/>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="47"/>
        <source>Open &amp;Data…</source>
        <translation>&amp;Daten öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="47"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="49"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="53"/>
        <source>No model loaded. Use File → Open Model.</source>
        <translation>Kein Modell geladen. Datei → Modell öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="61"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="62"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="62"/>
        <source>Downsampling</source>
        <translation>Verkleinernd</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="62"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="104"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="105"/>
        <source>TorchScript models (*.pt *.pth *.ptl);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ptl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="112"/>
        <source>Open Data Folder (IDX or CIFAR-10 binary)</source>
        <translation>Datenordner öffnen (IDX oder CIFAR-10 binär)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="132"/>
        <source>Cannot open model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="150"/>
        <source>Cannot open data</source>
        <translation>Daten können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="170"/>
        <source>Cannot use %1</source>
        <translation>%1 ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="191"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="197"/>
        <source>%1 (%2 images, %3)</source>
        <translation>%1 (%2 Bilder, %3)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="201"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="202"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, input %3, %4 classes, %5 parameters, %6 blocks in %7 stages.&lt;br&gt;Data: %8. Untick a block to delete its residual branch.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, Eingabe %3, %4 Klassen, %5 Parameter, %6 Blöcke in %7 Stufen.&lt;br&gt;Daten: %8. Haken entfernen, um den Residualzweig eines Blocks zu löschen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="212"/>
        <source>pathlens — %1</source>
        <translation>pathlens — %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="237"/>
        <source>Evaluating %1 on the first %2 test images…</source>
        <translation>Werte %1 auf den ersten %2 Testbildern aus…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="249"/>
        <source>Accuracy %1 ± %2 (estimate on %3 of %4 images)</source>
        <translation>Genauigkeit %1 ± %2 (Schätzung auf %3 von %4 Bildern)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="264"/>
        <source>Accuracy %1 on %2 images; original %3; %4 blocks deleted</source>
        <translation>Genauigkeit %1 auf %2 Bildern; Original %3; %4 Blöcke gelöscht</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="267"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="270"/>
        <source>Evaluated in %1 s on %2</source>
        <translation>Ausgewertet in %1 s auf %2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="279"/>
        <source>Evaluation failed</source>
        <translation>Auswertung fehlgeschlagen</translation>
    </message>
</context>
</TS>
