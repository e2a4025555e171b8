<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English is the source language: this file holds only the plural forms ("1 block deleted",
     "2 blocks deleted") that Qt's %n needs. lupdate adds the other strings as unfinished, which
     keeps the English source text. -->
<TS version="2.1" language="en_GB">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>surviving after deleting %n block(s)</source>
        <translation>
            <numerusform>surviving after deleting %n block</numerusform>
            <numerusform>surviving after deleting %n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean of %n sample(s), 95% interval (Student's t)</source>
        <translation>
            <numerusform>mean of %n sample, 95% interval (Student's t)</numerusform>
            <numerusform>mean of %n samples, 95% interval (Student's t)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>one sample each (%n arrangement(s))</source>
        <translation>
            <numerusform>one sample each (%n arrangement)</numerusform>
            <numerusform>one sample each (%n arrangements)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), labelled by first block; %1</source>
        <translation>
            <numerusform>%n run, labelled by first block; %1</numerusform>
            <numerusform>%n runs, labelled by first block; %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::AccuracyPanel</name>
    <message numerus="yes">
        <source>%n block(s) deleted</source>
        <translation>
            <numerusform>%n block deleted</numerusform>
            <numerusform>%n blocks deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n parallel group(s)</source>
        <translation>
            <numerusform>%1; %n parallel group</numerusform>
            <numerusform>%1; %n parallel groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::AnalysisController</name>
    <message numerus="yes">
        <source>Reordering blocks — %1, so far %n sample(s) on up to %2 of %3 images</source>
        <translation>
            <numerusform>Reordering blocks — %1, so far %n sample on up to %2 of %3 images</numerusform>
            <numerusform>Reordering blocks — %1, so far %n samples on up to %2 of %3 images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting random blocks — %1, so far %n sample(s) on up to %2 of %3 images</source>
        <translation>
            <numerusform>Deleting random blocks — %1, so far %n sample on up to %2 of %3 images</numerusform>
            <numerusform>Deleting random blocks — %1, so far %n samples on up to %2 of %3 images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::ArrangementEditor</name>
    <message numerus="yes">
        <source>Delete %n random block(s)</source>
        <translation>
            <numerusform>Delete %n random block</numerusform>
            <numerusform>Delete %n random blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Swap %n random pair(s)</source>
        <translation>
            <numerusform>Swap %n random pair</numerusform>
            <numerusform>Swap %n random pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::Comparison</name>
    <message numerus="yes">
        <source>%n block(s) deleted</source>
        <translation>
            <numerusform>%n block deleted</numerusform>
            <numerusform>%n blocks deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::LivePlots</name>
    <message numerus="yes">
        <source>Paths of each length that the parallel groups and %n deletion(s) keep</source>
        <translation>
            <numerusform>Paths of each length that the parallel groups and %n deletion keep</numerusform>
            <numerusform>Paths of each length that the parallel groups and %n deletions keep</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paths of each length that survive %n deletion(s)</source>
        <translation>
            <numerusform>Paths of each length that survive %n deletion</numerusform>
            <numerusform>Paths of each length that survive %n deletions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A plain network&apos;s one path passes every layer: %n deletion(s) break it</source>
        <translation>
            <numerusform>A plain network&apos;s one path passes every layer: %n deletion breaks it</numerusform>
            <numerusform>A plain network&apos;s one path passes every layer: %n deletions break it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measuring each single deletion on %n image(s)…</source>
        <translation>
            <numerusform>Measuring each single deletion on %n image…</numerusform>
            <numerusform>Measuring each single deletion on %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n sample(s) per path length…</source>
        <translation>
            <numerusform>Measuring %n sample per path length…</numerusform>
            <numerusform>Measuring %n samples per path length…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measuring the original network and this arrangement on %n image(s), class by class…</source>
        <translation>
            <numerusform>Measuring the original network and this arrangement on %n image, class by class…</numerusform>
            <numerusform>Measuring the original network and this arrangement on %n images, class by class…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pathlens::NetworkPanel</name>
    <message numerus="yes">
        <source>%n layer(s) without shortcuts</source>
        <translation>
            <numerusform>%n layer without shortcuts</numerusform>
            <numerusform>%n layers without shortcuts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) in %1</source>
        <translation>
            <numerusform>%n block in %1</numerusform>
            <numerusform>%n blocks in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
</context>
</TS>
