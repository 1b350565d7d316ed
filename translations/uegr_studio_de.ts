<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../ui/command_line.cpp" line="21" />
        <source>UEGR Studio: train text classifiers for generalisation and robustness.</source>
        <translation>UEGR Studio: Textklassifikatoren auf Generalisierung und Robustheit trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="27" />
        <source>Close the window after &lt;ms&gt; milliseconds (for smoke tests).</source>
        <translation>Das Fenster nach &lt;ms&gt; Millisekunden schließen (für Rauchtests).</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="29" />
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="33" />
        <source>Write the report of the run folder &lt;run&gt; to the --out file and exit.</source>
        <translation>Den Bericht des Laufordners &lt;run&gt; in die --out-Datei schreiben und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="35" />
        <source>run</source>
        <translation>lauf</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="37" />
        <source>The report file (.pdf or .html).</source>
        <translation>Die Berichtsdatei (.pdf oder .html).</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="38" />
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="43" />
        <source>A dataset (CSV, TSV, JSONL) or a run config (JSON) to open.</source>
        <translation>Ein zu öffnender Datensatz (CSV, TSV, JSONL) oder eine Laufkonfiguration (JSON).</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="54" />
        <source>--quit-after-ms needs a non-negative integer.</source>
        <translation>--quit-after-ms braucht eine nicht negative ganze Zahl.</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="57" />
        <source>--report and --out go together.</source>
        <translation>--report und --out gehören zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/command_line.cpp" line="62" />
        <source>Give at most one file to open.</source>
        <translation>Höchstens eine Datei zum Öffnen angeben.</translation>
    </message>
</context>
<context>
    <name>ConfigCommands</name>
    <message>
        <location filename="../ui/config_commands.cpp" line="12" />
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../ui/config_presets.cpp" line="16" />
        <source>UEGR</source>
        <translation>UEGR</translation>
    </message>
    <message>
        <location filename="../ui/config_presets.cpp" line="18" />
        <source>Vanilla fine-tuning</source>
        <translation>Einfaches Fine-Tuning</translation>
    </message>
    <message>
        <location filename="../ui/config_presets.cpp" line="20" />
        <source>R-Drop</source>
        <translation>R-Drop</translation>
    </message>
    <message>
        <location filename="../ui/config_presets.cpp" line="22" />
        <source>FreeLB</source>
        <translation>FreeLB</translation>
    </message>
    <message>
        <location filename="../ui/config_presets.cpp" line="24" />
        <source>ChildTuning-D</source>
        <translation>ChildTuning-D</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/export_run.cpp" line="25" />
        <location filename="../ui/export_run.cpp" line="44" />
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="27" />
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 kann nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="38" />
        <source>%1 has no model bundle yet: a run writes it at its first evaluation or when it finishes.</source>
        <translation>%1 hat noch kein Modellpaket: ein Lauf schreibt es bei seiner ersten Auswertung oder an seinem Ende.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="42" />
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="49" />
        <source>Cannot write to %1.</source>
        <translation>In %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="53" />
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <location filename="../ui/export_run.cpp" line="77" />
        <location filename="../ui/export_run.cpp" line="79" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="26" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="27" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="28" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>StepTimeline</name>
    <message>
        <location filename="../ui/step_timeline.cpp" line="8" />
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="9" />
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="10" />
        <source>Wall time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="12" />
        <source>The x axis of the plots: the optimizer step, the fractional epoch or the wall time since the run started. Runs recorded before epochs and wall times were logged show steps.</source>
        <translation>Die x-Achse der Diagramme: der Optimierungsschritt, die anteilige Epoche oder die seit dem Start des Laufs verstrichene Zeit. Läufe, die aufgezeichnet wurden, bevor Epochen und Zeiten protokolliert wurden, zeigen Schritte.</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="27" />
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="29" />
        <source>wall time (s)</source>
        <translation>verstrichene Zeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/step_timeline.cpp" line="33" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>TextEncoding</name>
    <message>
        <location filename="../ui/text_encoding.cpp" line="37" />
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
</context>
<context>
    <name>uegr::studio::AboutDialog</name>
    <message>
        <location filename="../ui/about_dialog.cpp" line="14" />
        <source>About UEGR Studio</source>
        <translation>Über UEGR Studio</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="18" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/about_dialog.cpp" line="19" />
        <source>available, %n device(s)</source>
        <translation>
            <numerusform>verfügbar, %n Gerät</numerusform>
            <numerusform>verfügbar, %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="20" />
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="21" />
        <source>&lt;h2&gt;UEGR Studio %1&lt;/h2&gt;&lt;p&gt;Train text classifiers with unified enhancement of generalisation and robustness (arXiv 2503.16550).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;UEGR Studio %1&lt;/h2&gt;&lt;p&gt;Textklassifikatoren mit gemeinsamer Verbesserung von Generalisierung und Robustheit trainieren (arXiv 2503.16550).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="26" />
        <source>&lt;tr&gt;&lt;td&gt;LibTorch:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;LibTorch:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="27" />
        <source>&lt;tr&gt;&lt;td&gt;BLAS:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;BLAS:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="28" />
        <source>&lt;tr&gt;&lt;td&gt;Threads:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Threads:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="29" />
        <source>&lt;tr&gt;&lt;td&gt;CUDA:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;CUDA:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="30" />
        <source>&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.cpp" line="32" />
        <source>&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ClassReportPanel</name>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="36" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="36" />
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="36" />
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="36" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="36" />
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="42" />
        <source>A class never predicted has precision 0; one without examples has recall 0.</source>
        <translation>Eine nie vorhergesagte Klasse hat Präzision 0, eine ohne Beispiele Recall 0.</translation>
    </message>
    <message>
        <location filename="../ui/class_report_panel.cpp" line="56" />
        <source>E&amp;valuation:</source>
        <translation>E&amp;valuierung:</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ColumnMappingDialog</name>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="40" />
        <source>Map Columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="42" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="51" />
        <source>The column with the text to classify.</source>
        <translation>Die Spalte mit dem zu klassifizierenden Text.</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="52" />
        <source>For sentence-pair tasks: the column with the second text.</source>
        <translation>Für Satzpaar-Aufgaben: die Spalte mit dem zweiten Text.</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="53" />
        <source>The column with the class label.</source>
        <translation>Die Spalte mit der Klassenbezeichnung.</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="56" />
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="57" />
        <source>&amp;Second text:</source>
        <translation>&amp;Zweiter Text:</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping_dialog.cpp" line="58" />
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/column_mapping_dialog.cpp" line="93" />
        <source>%n row(s) usable</source>
        <translation>
            <numerusform>%n Zeile verwendbar</numerusform>
            <numerusform>%n Zeilen verwendbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/column_mapping_dialog.cpp" line="97" />
        <source>%n row(s) rejected, first: %1</source>
        <translation>
            <numerusform>%n Zeile abgelehnt, erste: %1</numerusform>
            <numerusform>%n Zeilen abgelehnt, erste: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uegr::studio::ConfigDiffDialog</name>
    <message>
        <location filename="../ui/config_diff_dialog.cpp" line="14" />
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/config_diff_dialog.cpp" line="29" />
        <source>Config Diff: %1 and %2</source>
        <translation>Konfigurationsvergleich: %1 und %2</translation>
    </message>
    <message>
        <location filename="../ui/config_diff_dialog.cpp" line="33" />
        <source>The two runs have the same configuration.</source>
        <translation>Die beiden Läufe haben dieselbe Konfiguration.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/config_diff_dialog.cpp" line="34" />
        <source>%n key(s) differ.</source>
        <translation>
            <numerusform>%n Schlüssel unterscheidet sich.</numerusform>
            <numerusform>%n Schlüssel unterscheiden sich.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/config_diff_dialog.cpp" line="39" />
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ConfigForm</name>
    <message>
        <location filename="../ui/config_form.cpp" line="238" />
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="239" />
        <source>Training file:</source>
        <translation>Trainingsdatei:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="240" />
        <source>CSV, TSV or JSONL file with the training rows.</source>
        <translation>CSV-, TSV- oder JSONL-Datei mit den Trainingszeilen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="240" />
        <source>bundled demo dataset</source>
        <translation>mitgelieferter Demo-Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="241" />
        <source>Dev file:</source>
        <translation>Dev-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="242" />
        <source>Rows for model selection; empty splits them off the training file.</source>
        <translation>Zeilen für die Modellauswahl; leer: von der Trainingsdatei abgespalten.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="243" />
        <location filename="../ui/config_form.cpp" line="246" />
        <source>split off the training file</source>
        <translation>von der Trainingsdatei abgespalten</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="244" />
        <source>Test file:</source>
        <translation>Testdatei:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="245" />
        <source>Rows for the final score; empty splits them off the training file.</source>
        <translation>Zeilen für die Endbewertung; leer: von der Trainingsdatei abgespalten.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="247" />
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="248" />
        <source>File format; auto decides from the extension and the first line.</source>
        <translation>Dateiformat; auto entscheidet nach Endung und erster Zeile.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="249" />
        <source>Text column:</source>
        <translation>Textspalte:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="250" />
        <source>Header name of the text column, or #N for the zero-based column N.</source>
        <translation>Kopfzeilenname der Textspalte oder #N für die nullbasierte Spalte N.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="252" />
        <source>Second text column:</source>
        <translation>Spalte des zweiten Texts:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="253" />
        <source>Column of the second text for sentence-pair tasks; empty for single texts.</source>
        <translation>Spalte des zweiten Texts für Satzpaar-Aufgaben; leer für Einzeltexte.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="253" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="254" />
        <source>Label column:</source>
        <translation>Label-Spalte:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="255" />
        <source>Header name of the label column, or #N for the zero-based column N.</source>
        <translation>Kopfzeilenname der Label-Spalte oder #N für die nullbasierte Spalte N.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="257" />
        <source>Maximum length:</source>
        <translation>Maximale Länge:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="258" />
        <source>Texts are cut to this many tokens.</source>
        <translation>Texte werden auf so viele Tokens gekürzt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="259" />
        <source>Dev ratio:</source>
        <translation>Dev-Anteil:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="260" />
        <source>Share of the training file split off as dev set when no dev file is given.</source>
        <translation>Anteil der Trainingsdatei, der ohne Dev-Datei als Dev-Menge abgespalten wird.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="261" />
        <source>Test ratio:</source>
        <translation>Test-Anteil:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="262" />
        <source>Share of the training file split off as test set when no test file is given.</source>
        <translation>Anteil der Trainingsdatei, der ohne Testdatei als Testmenge abgespalten wird.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="263" />
        <source>Split seed:</source>
        <translation>Seed der Aufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="264" />
        <source>Seed of the dev/test split.</source>
        <translation>Seed der Dev-/Test-Aufteilung.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="265" />
        <source>Skip bad rows</source>
        <translation>Fehlerhafte Zeilen überspringen</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="266" />
        <source>Skip malformed rows with a note instead of stopping at the first one.</source>
        <translation>Fehlerhafte Zeilen mit einem Hinweis überspringen, statt bei der ersten anzuhalten.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="267" />
        <source>Lowercase</source>
        <translation>Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="268" />
        <source>Lowercase texts before tokenising.</source>
        <translation>Texte vor der Tokenisierung kleinschreiben.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="269" />
        <source>Minimum word count:</source>
        <translation>Minimale Worthäufigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="270" />
        <source>Words seen fewer times in training become &lt;unk&gt;.</source>
        <translation>Wörter, die im Training seltener vorkommen, werden zu &lt;unk&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="271" />
        <source>Maximum vocabulary:</source>
        <translation>Maximales Vokabular:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="272" />
        <source>Largest vocabulary size, special tokens included.</source>
        <translation>Größte Vokabulargröße, einschließlich Sondertokens.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="274" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="275" />
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="276" />
        <source>Architecture: TextCNN, BiLSTM, a small Transformer, or a local Hugging Face model.</source>
        <translation>Architektur: TextCNN, BiLSTM, ein kleiner Transformer oder ein lokales Hugging-Face-Modell.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="277" />
        <source>Hugging Face folder:</source>
        <translation>Hugging-Face-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="278" />
        <source>Local Hugging Face model folder; only for type hf.</source>
        <translation>Lokaler Hugging-Face-Modellordner; nur für Typ hf.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="278" />
        <source>only for type hf</source>
        <translation>nur für Typ hf</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="279" />
        <source>Allow missing weights</source>
        <translation>Fehlende Gewichte erlauben</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="280" />
        <source>Type hf only: initialise weights the folder lacks instead of refusing it.</source>
        <translation>Nur für Typ hf: Gewichte, die dem Ordner fehlen, initialisieren, statt ihn abzulehnen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="281" />
        <source>Embedding size:</source>
        <translation>Embedding-Größe:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="282" />
        <source>Width of the word embeddings.</source>
        <translation>Breite der Wort-Embeddings.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="283" />
        <source>Hidden size:</source>
        <translation>Verborgene Größe:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="284" />
        <source>BiLSTM: units per direction; Transformer: model width.</source>
        <translation>BiLSTM: Einheiten je Richtung; Transformer: Modellbreite.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="285" />
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="286" />
        <source>Depth of the BiLSTM or Transformer.</source>
        <translation>Tiefe des BiLSTM oder Transformers.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="287" />
        <source>Attention heads:</source>
        <translation>Attention-Köpfe:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="288" />
        <source>Transformer attention heads; must divide the hidden size.</source>
        <translation>Attention-Köpfe des Transformers; müssen die verborgene Größe teilen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="289" />
        <source>Feed-forward size:</source>
        <translation>Feed-Forward-Größe:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="290" />
        <source>Width of the Transformer feed-forward layers.</source>
        <translation>Breite der Feed-Forward-Schichten des Transformers.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="291" />
        <source>Kernel sizes:</source>
        <translation>Kernelgrößen:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="292" />
        <source>TextCNN convolution widths, comma-separated, each 1 to 64.</source>
        <translation>Faltungsbreiten des TextCNN, durch Kommas getrennt, je 1 bis 64.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="293" />
        <source>Filters per kernel:</source>
        <translation>Filter je Kernel:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="294" />
        <source>TextCNN filters per kernel size.</source>
        <translation>TextCNN-Filter je Kernelgröße.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="295" />
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="296" />
        <source>The model's ordinary dropout, used by the clean pass and the baselines.</source>
        <translation>Das gewöhnliche Dropout des Modells, für den sauberen Durchlauf und die Vergleichsverfahren.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="298" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="299" />
        <source>Method:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="300" />
        <source>UEGR, a baseline, or a UEGR ablation.</source>
        <translation>UEGR, ein Vergleichsverfahren oder eine UEGR-Ablation.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="301" />
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="302" />
        <source>Passes over the training set.</source>
        <translation>Durchläufe über die Trainingsmenge.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="303" />
        <location filename="../ui/config_form.cpp" line="388" />
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="304" />
        <source>Examples per optimizer step.</source>
        <translation>Beispiele je Optimiererschritt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="305" />
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="306" />
        <source>Peak AdamW learning rate.</source>
        <translation>Höchste AdamW-Lernrate.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="307" />
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="308" />
        <source>AdamW decoupled weight decay.</source>
        <translation>Entkoppelter Weight Decay von AdamW.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="309" />
        <source>Warm-up ratio:</source>
        <translation>Aufwärmanteil:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="310" />
        <source>Share of all steps with a linearly rising learning rate.</source>
        <translation>Anteil aller Schritte mit linear steigender Lernrate.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="311" />
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="312" />
        <source>Seed of initialisation, shuffling and dropout.</source>
        <translation>Seed für Initialisierung, Mischen und Dropout.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="313" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="314" />
        <source>Where to train; auto picks CUDA when available.</source>
        <translation>Wo trainiert wird; auto wählt CUDA, wenn verfügbar.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="315" />
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="316" />
        <source>CPU threads for LibTorch; 0 uses all cores.</source>
        <translation>CPU-Threads für LibTorch; 0 nutzt alle Kerne.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="316" />
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="318" />
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="319" />
        <source>bf16 runs the forward passes in bfloat16; weights, optimizer state and saliency stay fp32.</source>
        <translation>bf16 rechnet die Vorwärtsdurchläufe in bfloat16; Gewichte, Optimiererzustand und Salienz bleiben fp32.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="320" />
        <source>Deterministic kernels</source>
        <translation>Deterministische Kernel</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="321" />
        <source>Only deterministic kernels, so a resumed CUDA run repeats the uninterrupted one exactly.</source>
        <translation>Nur deterministische Kernel, damit ein fortgesetzter CUDA-Lauf den ununterbrochenen genau wiederholt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="322" />
        <source>R-Drop alpha:</source>
        <translation>R-Drop-Alpha:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="323" />
        <source>R-Drop only: weight of the symmetric KL term between two dropout passes.</source>
        <translation>Nur R-Drop: Gewicht des symmetrischen KL-Terms zwischen zwei Dropout-Durchläufen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="324" />
        <source>ChildTuning batches:</source>
        <translation>ChildTuning-Batches:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="326" />
        <source>ChildTuning-D only: batches for the Fisher estimate; 0 uses one epoch.</source>
        <translation>Nur ChildTuning-D: Batches für die Fisher-Schätzung; 0 nutzt eine Epoche.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="326" />
        <source>one epoch</source>
        <translation>eine Epoche</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="328" />
        <source>UEGR forward stage</source>
        <translation>UEGR-Vorwärtsstufe</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="329" />
        <source>Clean loss</source>
        <translation>Sauberer Verlust</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="330" />
        <source>Add the cross-entropy of an ordinary clean pass to the loss.</source>
        <translation>Die Kreuzentropie eines gewöhnlichen sauberen Durchlaufs zum Verlust addieren.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="331" />
        <source>Adversary steps:</source>
        <translation>Angreiferschritte:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="332" />
        <source>Gradient steps of the embedding-space adversary (m).</source>
        <translation>Gradientenschritte des Angreifers im Embedding-Raum (m).</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="333" />
        <source>Adversary step size:</source>
        <translation>Angreifer-Schrittweite:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="334" />
        <source>Size of each adversary step (alpha), relative to the example's embedding norm by default.</source>
        <translation>Größe jedes Angreiferschritts (alpha), standardmäßig relativ zur Embedding-Norm des Beispiels.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="335" />
        <source>Adversary max norm:</source>
        <translation>Maximale Angreifernorm:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="336" />
        <source>Radius the perturbation is projected onto (epsilon); 0 leaves it unbounded.</source>
        <translation>Radius, auf den die Störung projiziert wird (epsilon); 0 lässt sie unbegrenzt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="337" />
        <source>unbounded</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="338" />
        <source>Adversary scale:</source>
        <translation>Angreiferskala:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="339" />
        <source>relative: step size and norm are fractions of each example's embedding norm; absolute: raw units.</source>
        <translation>relative: Schrittweite und Norm sind Anteile der Embedding-Norm jedes Beispiels; absolute: Roheinheiten.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="341" />
        <source>Adversary start:</source>
        <translation>Angreiferstart:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="342" />
        <source>Start the perturbation at zero or uniformly at random.</source>
        <translation>Die Störung bei null oder gleichverteilt zufällig beginnen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="343" />
        <source>Random start size:</source>
        <translation>Größe des Zufallsstarts:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="344" />
        <source>Magnitude of the uniform random start.</source>
        <translation>Betrag des gleichverteilten Zufallsstarts.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="345" />
        <source>Dropout passes (K):</source>
        <translation>Dropout-Durchläufe (K):</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="346" />
        <source>Forward passes of the perturbed input, each with its own adaptive dropout rates.</source>
        <translation>Vorwärtsdurchläufe der gestörten Eingabe, jeder mit eigenen adaptiven Dropout-Raten.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="347" />
        <source>Dropout minimum:</source>
        <translation>Dropout-Minimum:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="348" />
        <source>Lowest adaptive dropout rate, given to the most important blocks.</source>
        <translation>Niedrigste adaptive Dropout-Rate, für die wichtigsten Blöcke.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="349" />
        <source>Dropout maximum:</source>
        <translation>Dropout-Maximum:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="350" />
        <source>Highest adaptive dropout rate, given to the least important blocks; at least the minimum.</source>
        <translation>Höchste adaptive Dropout-Rate, für die unwichtigsten Blöcke; mindestens das Minimum.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="351" />
        <source>Dropout jitter:</source>
        <translation>Dropout-Streuung:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="352" />
        <source>Random spread of each pass's rates, as a fraction of half the dropout range, so the passes differ.</source>
        <translation>Zufällige Streuung der Raten jedes Durchlaufs, als Anteil des halben Dropout-Bereichs, damit sich die Durchläufe unterscheiden.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="354" />
        <source>Dropout rule:</source>
        <translation>Dropout-Regel:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="356" />
        <source>importance: rates follow block saliency; uniform: random in the range; fixed: one rate everywhere.</source>
        <translation>importance: Raten folgen der Block-Salienz; uniform: zufällig im Bereich; fixed: überall eine Rate.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="358" />
        <source>Importance EMA:</source>
        <translation>Wichtigkeits-EMA:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="359" />
        <source>Smoothing of the per-block importance that drives the dropout rates.</source>
        <translation>Glättung der Wichtigkeit je Block, die die Dropout-Raten steuert.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="360" />
        <source>Adversarial weight:</source>
        <translation>Adversarielles Gewicht:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="361" />
        <source>Weight of the mean cross-entropy of the K perturbed passes (lambda_adv).</source>
        <translation>Gewicht der mittleren Kreuzentropie der K gestörten Durchläufe (lambda_adv).</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="362" />
        <source>JS weight:</source>
        <translation>JS-Gewicht:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="363" />
        <source>Weight of the Jensen-Shannon divergence between the K passes (lambda_JS).</source>
        <translation>Gewicht der Jensen-Shannon-Divergenz zwischen den K Durchläufen (lambda_JS).</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="365" />
        <source>UEGR backward stage</source>
        <translation>UEGR-Rückwärtsstufe</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="366" />
        <source>Gradient clipping:</source>
        <translation>Gradientenbegrenzung:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="367" />
        <source>Global gradient norm is clipped to this value.</source>
        <translation>Die globale Gradientennorm wird auf diesen Wert begrenzt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="368" />
        <source>Saliency:</source>
        <translation>Salienz:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="369" />
        <source>Parameter score: |weight x gradient| (taylor), squared gradient (fisher) or |gradient|.</source>
        <translation>Parameterbewertung: |Gewicht x Gradient| (taylor), quadrierter Gradient (fisher) oder |Gradient|.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="370" />
        <source>Saliency EMA:</source>
        <translation>Salienz-EMA:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="371" />
        <source>Smoothing of saliency across steps; 0 uses this step only.</source>
        <translation>Glättung der Salienz über Schritte; 0 nutzt nur diesen Schritt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="372" />
        <source>Never masked:</source>
        <translation>Nie maskiert:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="373" />
        <source>Parameters whose names contain one of these words are always updated.</source>
        <translation>Parameter, deren Namen eines dieser Wörter enthalten, werden immer aktualisiert.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="374" />
        <source>Keep ratio:</source>
        <translation>Behaltanteil:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="375" />
        <source>Share of eligible parameter elements updated each step, the most salient first (rho).</source>
        <translation>Anteil der infrage kommenden Parameterelemente, die je Schritt aktualisiert werden, die salientesten zuerst (rho).</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="376" />
        <source>Mask ranking:</source>
        <translation>Masken-Rangfolge:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="377" />
        <source>Rank saliency across all eligible tensors or within each tensor.</source>
        <translation>Salienz über alle infrage kommenden Tensoren oder innerhalb jedes Tensors ordnen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="378" />
        <source>Mask every:</source>
        <translation>Maske alle:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="379" />
        <source>Recompute the mask every this many steps.</source>
        <translation>Die Maske alle so viele Schritte neu berechnen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="380" />
        <source>Mask warm-up ratio:</source>
        <translation>Masken-Aufwärmanteil:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="381" />
        <source>Share of all steps that update every parameter before masking starts.</source>
        <translation>Anteil aller Schritte, die vor Beginn der Maskierung jeden Parameter aktualisieren.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="382" />
        <source>Mask mode:</source>
        <translation>Maskenmodus:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="383" />
        <source>hard: masked elements do not move at all; soft: only their gradient is zeroed.</source>
        <translation>hard: maskierte Elemente bewegen sich gar nicht; soft: nur ihr Gradient wird genullt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="385" />
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="386" />
        <source>Evaluate every:</source>
        <translation>Auswerten alle:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="387" />
        <source>Steps between dev evaluations; 0 evaluates after every epoch.</source>
        <translation>Schritte zwischen Dev-Auswertungen; 0 wertet nach jeder Epoche aus.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="387" />
        <source>every epoch</source>
        <translation>jede Epoche</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="389" />
        <source>Examples per evaluation batch.</source>
        <translation>Beispiele je Auswertungsbatch.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="390" />
        <source>Select best by:</source>
        <translation>Bestes wählen nach:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="391" />
        <source>Dev metric that picks the best model.</source>
        <translation>Dev-Metrik, die das beste Modell auswählt.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="393" />
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="394" />
        <source>Run folder:</source>
        <translation>Laufordner:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="395" />
        <source>Folder for the run's files; empty makes runs/&lt;date&gt;-&lt;time&gt;-&lt;method&gt;.</source>
        <translation>Ordner für die Dateien des Laufs; leer erzeugt runs/&lt;datum&gt;-&lt;zeit&gt;-&lt;verfahren&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="396" />
        <source>runs/&lt;date&gt;-&lt;time&gt;-&lt;method&gt;</source>
        <translation>runs/&lt;datum&gt;-&lt;zeit&gt;-&lt;verfahren&gt;</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="397" />
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="399" />
        <source>Steps between checkpoints; 0 writes one at every evaluation.</source>
        <translation>Schritte zwischen Checkpoints; 0 schreibt einen bei jeder Auswertung.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="399" />
        <source>every evaluation</source>
        <translation>jede Auswertung</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="400" />
        <source>Checkpoints kept:</source>
        <translation>Behaltene Checkpoints:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="401" />
        <source>Older checkpoints beyond this count are deleted.</source>
        <translation>Ältere Checkpoints über diese Anzahl hinaus werden gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="402" />
        <source>Log every:</source>
        <translation>Protokoll alle:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="403" />
        <source>Steps between log lines of the command-line tool.</source>
        <translation>Schritte zwischen Protokollzeilen des Kommandozeilenwerkzeugs.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="404" />
        <source>Saliency snapshot every:</source>
        <translation>Salienz-Schnappschuss alle:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="406" />
        <source>Steps between saliency snapshots; 0 takes them only on request.</source>
        <translation>Schritte zwischen Salienz-Schnappschüssen; 0 erstellt sie nur auf Anfrage.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="406" />
        <source>on request</source>
        <translation>auf Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="408" />
        <source>Robustness checks during training</source>
        <translation>Robustheitsprüfungen während des Trainings</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="410" />
        <source>Check every (epochs):</source>
        <translation>Prüfen alle (Epochen):</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="411" />
        <source>Attack a copy of the model after every N-th epoch, beside training; 0 turns the checks off.</source>
        <translation>Greift nach jeder N-ten Epoche eine Kopie des Modells an, parallel zum Training; 0 schaltet die Prüfungen ab.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="412" />
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="413" />
        <source>Attack:</source>
        <translation>Angriff:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="415" />
        <source>charswap: character edits; wordnet: synonym substitution; pgd: gradient attack on the word embeddings.</source>
        <translation>charswap: Zeichenänderungen; wordnet: Ersetzung durch Synonyme; pgd: Gradientenangriff auf die Worteinbettungen.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="417" />
        <source>Dev examples:</source>
        <translation>Dev-Beispiele:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="418" />
        <source>How many dev examples each check attacks, from the start of the dev split.</source>
        <translation>Wie viele Dev-Beispiele jede Prüfung angreift, vom Anfang des Dev-Splits an.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="419" />
        <source>Query budget:</source>
        <translation>Anfragebudget:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="420" />
        <source>charswap and wordnet: model queries per example.</source>
        <translation>charswap und wordnet: Modellanfragen pro Beispiel.</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="421" />
        <source>PGD epsilon:</source>
        <translation>PGD-Epsilon:</translation>
    </message>
    <message>
        <location filename="../ui/config_form.cpp" line="422" />
        <source>pgd: radius of the L2 ball, relative to each example's embedding norm.</source>
        <translation>pgd: Radius der L2-Kugel, relativ zur Einbettungsnorm des jeweiligen Beispiels.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ConfigPage</name>
    <message>
        <location filename="../ui/config_page.cpp" line="43" />
        <source>A run is training with the configuration it started with: changes here apply to the next run.</source>
        <translation>Ein Lauf trainiert mit der Konfiguration, mit der er gestartet wurde: Änderungen hier gelten für den nächsten Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="47" />
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="49" />
        <source>Set the training method and its knobs; data, model and output settings stay.</source>
        <translation>Setzt das Trainingsverfahren und seine Parameter; Daten-, Modell- und Ausgabeeinstellungen bleiben.</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="50" />
        <source>Apply &amp;Preset</source>
        <translation>&amp;Vorlage anwenden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="57" />
        <source>Apply preset %1</source>
        <translation>Vorlage %1 anwenden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="61" />
        <source>Pre&amp;trained Model…</source>
        <translation>Vor&amp;trainiertes Modell…</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="64" />
        <source>Fine-tune a local Hugging Face model folder (BERT, RoBERTa or ALBERT: config.json, model.safetensors and the tokenizer files) instead of training a model from scratch.</source>
        <translation>Einen lokalen Hugging-Face-Modellordner (BERT, RoBERTa oder ALBERT: config.json, model.safetensors und die Tokenizer-Dateien) feinabstimmen, statt ein Modell von Grund auf zu trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="68" />
        <source>&amp;Load…</source>
        <translation>&amp;Laden…</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="69" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="70" />
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="75" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="77" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="80" />
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="137" />
        <source>model type hf</source>
        <translation>Modelltyp hf</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="139" />
        <source>models trained from scratch</source>
        <translation>von Grund auf trainierten Modellen</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="141" />
        <source>model types bilstm and transformer</source>
        <translation>den Modelltypen bilstm und transformer</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="142" />
        <source>model type transformer</source>
        <translation>Modelltyp transformer</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="143" />
        <source>model type textcnn</source>
        <translation>Modelltyp textcnn</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="144" />
        <source>an empty dev file</source>
        <translation>leerer Dev-Datei</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="145" />
        <source>an empty test file</source>
        <translation>leerer Testdatei</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="146" />
        <source>method rdrop</source>
        <translation>Methode rdrop</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="147" />
        <source>method childtuning_d</source>
        <translation>Methode childtuning_d</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="148" />
        <source>method uegr and its ablations</source>
        <translation>Methode uegr und ihren Ablationen</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="150" />
        <source>the methods with an adversary: uegr, its ablations except uegr_no_adv, and freelb</source>
        <translation>den Methoden mit Gegner: uegr, ihren Ablationen außer uegr_no_adv und freelb</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="153" />
        <source>an adversary and adv_init uniform</source>
        <translation>einem Gegner und adv_init uniform</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="155" />
        <source>method uegr and its ablations except uegr_no_js</source>
        <translation>Methode uegr und ihren Ablationen außer uegr_no_js</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="157" />
        <source>method uegr and its ablations except uegr_uniform_dropout</source>
        <translation>Methode uegr und ihren Ablationen außer uegr_uniform_dropout</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="160" />
        <source>the UEGR step and dropout_rule importance</source>
        <translation>dem UEGR-Schritt und dropout_rule importance</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="162" />
        <source>a saliency mask (uegr and its ablations except uegr_no_mask) or importance-driven dropout</source>
        <translation>einer Saliency-Maske (uegr und ihre Ablationen außer uegr_no_mask) oder wichtigkeitsgesteuertem Dropout</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="165" />
        <source>method uegr and its ablations except uegr_no_mask</source>
        <translation>Methode uegr und ihren Ablationen außer uegr_no_mask</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="167" />
        <source>a parameter mask: uegr and its ablations except uegr_no_mask, and childtuning_d</source>
        <translation>einer Parametermaske: uegr und ihren Ablationen außer uegr_no_mask, und childtuning_d</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="182" />
        <source>Only read with %1.</source>
        <translation>Nur bei %1 verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="212" />
        <source>Use pretrained model %1</source>
        <translation>Vortrainiertes Modell %1 verwenden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="216" />
        <source>Choose a Hugging Face Model Folder</source>
        <translation>Hugging-Face-Modellordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="233" />
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="257" />
        <location filename="../ui/config_page.cpp" line="261" />
        <source>Load Run Config</source>
        <translation>Laufkonfiguration laden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="258" />
        <source>Run configs (*.json);;All files (*)</source>
        <translation>Laufkonfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="270" />
        <location filename="../ui/config_page.cpp" line="275" />
        <location filename="../ui/config_page.cpp" line="279" />
        <source>Save Run Config</source>
        <translation>Laufkonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="276" />
        <source>Run configs (*.json)</source>
        <translation>Laufkonfigurationen (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="294" />
        <source>Use dataset %1</source>
        <translation>Datensatz %1 verwenden</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="306" />
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/config_page.cpp" line="308" />
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/confusion_matrix_view.cpp" line="50" />
        <location filename="../ui/confusion_matrix_view.cpp" line="131" />
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <location filename="../ui/confusion_matrix_view.cpp" line="90" />
        <source>True: %1
Predicted: %2
Count: %3
Share of true %1: %4 %</source>
        <translation>Wahr: %1
Vorhergesagt: %2
Anzahl: %3
Anteil an wahren %1: %4 %</translation>
    </message>
    <message>
        <location filename="../ui/confusion_matrix_view.cpp" line="129" />
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
</context>
<context>
    <name>uegr::studio::DatasetPage</name>
    <message>
        <location filename="../ui/dataset_page.cpp" line="81" />
        <source>&amp;Map Columns…</source>
        <translation>Spalten &amp;zuordnen…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="88" />
        <source>&amp;Open Dataset…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="94" />
        <source>The file's text encoding. A file that is not UTF-8 is read through a UTF-8 copy.</source>
        <translation>Die Textkodierung der Datei. Eine Datei, die nicht UTF-8 ist, wird über eine UTF-8-Kopie gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="106" />
        <source>Double-click a problem to show its row in the preview.</source>
        <translation>Doppelklick auf ein Problem zeigt seine Zeile in der Vorschau.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="117" />
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="124" />
        <source>Rejected rows:</source>
        <translation>Abgelehnte Zeilen:</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="131" />
        <source>Preview: each row is numbered by its line in the file; rejected rows are listed below.</source>
        <translation>Vorschau: Jede Zeile trägt die Nummer ihrer Zeile in der Datei; abgelehnte Zeilen stehen unten.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="158" />
        <source>Open Dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="158" />
        <source>Datasets (*.csv *.tsv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Datensätze (*.csv *.tsv *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="167" />
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="190" />
        <source>Cannot read the file.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="211" />
        <source>No columns chosen.</source>
        <translation>Keine Spalten gewählt.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="221" />
        <source>Checking rows…</source>
        <translation>Zeilen werden geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="249" />
        <source>The column mapping does not fit this file.</source>
        <translation>Die Spaltenzuordnung passt nicht zu dieser Datei.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="253" />
        <source>%1, %2 rows, %3 labels, %4 tokens on average (longest %5), %6 rejected rows</source>
        <translation>%1, %2 Zeilen, %3 Labels, im Mittel %4 Tokens (längste %5), %6 abgelehnte Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="261" />
        <source>; read as %1 through the UTF-8 copy %2</source>
        <translation>; als %1 über die UTF-8-Kopie %2 gelesen</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="290" />
        <source>This file has no usable rows, so it cannot be used for training. Check the column mapping, the encoding and the rejected rows below.</source>
        <translation>Diese Datei hat keine verwendbaren Zeilen und kann daher nicht zum Training dienen. Prüfen Sie die Spaltenzuordnung, die Kodierung und die abgelehnten Zeilen unten.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_page.cpp" line="294" />
        <source>Every usable row has the label "%1"; a classifier needs at least two labels, so this file cannot be used for training.</source>
        <translation>Jede verwendbare Zeile hat das Label "%1"; ein Klassifikator braucht mindestens zwei Labels, daher kann diese Datei nicht zum Training dienen.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::DocumentationMenu</name>
    <message>
        <location filename="../ui/documentation_menu.cpp" line="21" />
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../ui/documentation_menu.cpp" line="22" />
        <source>Cannot open %1: it is not installed, or no program opens it.</source>
        <translation>%1 lässt sich nicht öffnen: Die Datei ist nicht installiert, oder kein Programm öffnet sie.</translation>
    </message>
    <message>
        <location filename="../ui/documentation_menu.cpp" line="38" />
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../ui/documentation_menu.cpp" line="39" />
        <source>The UEGR &amp;Method</source>
        <translation>Die UEGR-&amp;Methode</translation>
    </message>
    <message>
        <location filename="../ui/documentation_menu.cpp" line="40" />
        <source>&amp;Configuration Keys</source>
        <translation>&amp;Konfigurationsschlüssel</translation>
    </message>
</context>
<context>
    <name>uegr::studio::LabelDistributionChart</name>
    <message>
        <location filename="../ui/label_distribution_chart.cpp" line="12" />
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>uegr::studio::LivePlot</name>
    <message>
        <location filename="../ui/live_plot.cpp" line="16" />
        <source>Logarithmic y axis</source>
        <translation>Logarithmische y-Achse</translation>
    </message>
    <message>
        <location filename="../ui/live_plot.cpp" line="100" />
        <source>%1 (raw)</source>
        <translation>%1 (roh)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_plot.cpp" line="32" />
        <source>ε (%1, relative to the embedding norm)</source>
        <translation>ε (%1, relativ zur Einbettungsnorm)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_plot.cpp" line="33" />
        <source>ε (%1)</source>
        <translation>ε (%1)</translation>
    </message>
</context>
<context>
    <name>uegr::studio::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="57" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58" />
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="59" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="65" />
        <source>Saliency</source>
        <translation>Salienz</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="66" />
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="76" />
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="90" />
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138" />
        <source>&amp;Open Dataset…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="141" />
        <source>&amp;Load Run Config…</source>
        <translation>Laufkonfiguration &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144" />
        <source>&amp;Save Run Config</source>
        <translation>Laufkonfiguration &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147" />
        <source>Save Run Config &amp;As…</source>
        <translation>Laufkonfiguration speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150" />
        <source>&amp;Export Selected Run</source>
        <translation>Ausgewählten Lauf &amp;exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="152" />
        <source>&amp;Recent Runs</source>
        <translation>&amp;Letzte Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="161" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="163" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="169" />
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="176" />
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="178" />
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185" />
        <source>&amp;Pause or Resume</source>
        <translation>&amp;Pausieren oder fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="192" />
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="196" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="199" />
        <source>&amp;About UEGR Studio</source>
        <translation>&amp;Über UEGR Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207" />
        <source>No recent runs</source>
        <translation>Keine zuletzt geöffneten Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="223" />
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="223" />
        <source>%1 is not a readable file.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229" />
        <source>Load Run Config</source>
        <translation>Laufkonfiguration laden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="283" />
        <source>Untitled run config</source>
        <translation>Unbenannte Laufkonfiguration</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="330" />
        <location filename="../ui/main_window.cpp" line="348" />
        <source>Quit UEGR Studio</source>
        <translation>UEGR Studio beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="331" />
        <source>A training run is in progress. Stop it and quit?</source>
        <translation>Ein Training läuft. Anhalten und beenden?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="333" />
        <source>The run saves a checkpoint before it stops; you can resume it from the Runs page.</source>
        <translation>Der Lauf speichert vor dem Anhalten einen Checkpoint; Sie können ihn auf der Seite Läufe fortsetzen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="335" />
        <source>&amp;Stop and Quit</source>
        <translation>&amp;Anhalten und beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="341" />
        <source>Stopping the run; UEGR Studio quits when its checkpoint is saved…</source>
        <translation>Der Lauf wird angehalten; UEGR Studio beendet sich, sobald sein Checkpoint gespeichert ist…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="348" />
        <source>The run config has unsaved changes. Save them before quitting?</source>
        <translation>Die Laufkonfiguration hat ungespeicherte Änderungen. Vor dem Beenden speichern?</translation>
    </message>
</context>
<context>
    <name>uegr::studio::ParameterHeatmap</name>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="105" />
        <source>|θ ⊙ g| / tensor maximum</source>
        <translation>|θ ⊙ g| / Maximum des Tensors</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="106" />
        <source>|θ ⊙ g|</source>
        <translation>|θ ⊙ g|</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="115" />
        <source>Logarithmic colour scale</source>
        <translation>Logarithmische Farbskala</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="116" />
        <source>Scale each tensor to its maximum</source>
        <translation>Jeden Tensor auf sein Maximum skalieren</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="132" />
        <source>Saliency spans orders of magnitude; a log scale shows the small values too.</source>
        <translation>Salienz umfasst Größenordnungen; eine logarithmische Skala zeigt auch die kleinen Werte.</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="135" />
        <source>Saliency differs by orders of magnitude between tensors; scaled each to its own maximum, every tensor shows its pattern. Hover values stay absolute.</source>
        <translation>Die Salienz unterscheidet sich zwischen Tensoren um Größenordnungen; jeder auf sein eigenes Maximum skaliert, zeigt jeder Tensor sein Muster. Die Werte beim Überfahren bleiben absolut.</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="226" />
        <source>No saliency snapshot yet: request one from the live run or compute one from the model.</source>
        <translation>Noch kein Salienz-Snapshot: fordern Sie einen vom laufenden Training an oder berechnen Sie einen aus dem Modell.</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="228" />
        <source>%1: %2 tensors in %3 layers. Hover for values, click a tile to enlarge it.</source>
        <translation>%1: %2 Tensoren in %3 Schichten. Für Werte mit der Maus darüberfahren, zum Vergrößern eine Kachel anklicken.</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="295" />
        <source>Layer: %1
Tensor: %2 %3
Cell: row %4, column %5 of %6 × %7 (elements %8 × %9)
Mean |θ ⊙ g|: %10
Kept fraction: %11</source>
        <translation>Schicht: %1
Tensor: %2 %3
Zelle: Zeile %4, Spalte %5 von %6 × %7 (Elemente %8 × %9)
Mittleres |θ ⊙ g|: %10
Behaltener Anteil: %11</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="345" />
        <source>column block (%1 columns each)</source>
        <translation>Spaltenblock (je %1 Spalten)</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="348" />
        <source>row block (%1 rows each)</source>
        <translation>Zeilenblock (je %1 Zeilen)</translation>
    </message>
    <message>
        <location filename="../ui/parameter_heatmap.cpp" line="351" />
        <source>Layer %1; colour range of this tensor alone.</source>
        <translation>Schicht %1; Farbbereich nur dieses Tensors.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::PredictionPanel</name>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="23" />
        <source>&amp;Predict</source>
        <translation>&amp;Vorhersagen</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="24" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="34" />
        <source>Dev split</source>
        <translation>Dev-Split</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="35" />
        <source>Test split</source>
        <translation>Test-Split</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="37" />
        <source>Run the selected run's model over the chosen split.</source>
        <translation>Das Modell des gewählten Laufs auf den gewählten Split anwenden.</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="49" />
        <source>All examples</source>
        <translation>Alle Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="50" />
        <source>Correct</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="51" />
        <source>Incorrect</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="60" />
        <source>Filter by text…</source>
        <translation>Nach Text filtern…</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="72" />
        <source>Double-click an example to explain it in the saliency explorer.</source>
        <translation>Doppelklicken Sie ein Beispiel, um es im Saliency-Explorer zu erklären.</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="83" />
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="104" />
        <source>Select one run to list its model's predictions.</source>
        <translation>Wählen Sie einen Lauf, um die Vorhersagen seines Modells aufzulisten.</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="105" />
        <location filename="../ui/prediction_panel.cpp" line="137" />
        <source>Press Predict to run %1's model over the chosen split.</source>
        <translation>Drücken Sie Vorhersagen, um das Modell von %1 auf den gewählten Split anzuwenden.</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="115" />
        <source>Predicting…</source>
        <translation>Wird vorhergesagt…</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="133" />
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="140" />
        <source>Cannot predict: %1</source>
        <translation>Vorhersage nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/prediction_panel.cpp" line="145" />
        <source>%n example(s), %1 predicted wrongly.</source>
        <translation>
            <numerusform>%n Beispiel, %1 falsch vorhergesagt.</numerusform>
            <numerusform>%n Beispiele, %1 falsch vorhergesagt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/prediction_panel.cpp" line="159" />
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
</context>
<context>
    <name>uegr::studio::PredictionTableModel</name>
    <message>
        <location filename="../ui/prediction_table_model.cpp" line="57" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/prediction_table_model.cpp" line="59" />
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <location filename="../ui/prediction_table_model.cpp" line="61" />
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location filename="../ui/prediction_table_model.cpp" line="63" />
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
</context>
<context>
    <name>uegr::studio::PretrainedModelPanel</name>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="34" />
        <source>Pretrained model</source>
        <translation>Vortrainiertes Modell</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="47" />
        <source>Choose &amp;Folder…</source>
        <translation>&amp;Ordner wählen…</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="49" />
        <source>A local Hugging Face model folder: config.json, model.safetensors and the tokenizer files.</source>
        <translation>Ein lokaler Hugging-Face-Modellordner: config.json, model.safetensors und die Tokenizer-Dateien.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="76" />
        <source>No folder chosen yet.</source>
        <translation>Noch kein Ordner gewählt.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="80" />
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="106" />
        <source>&lt;b&gt;%1&lt;/b&gt;, %2 layers, hidden size %3, %4 attention heads, %5 million parameters; %6 tokenizer with %7 tokens; up to %8 positions.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2 Schichten, verborgene Größe %3, %4 Attention-Köpfe, %5 Millionen Parameter; %6-Tokenizer mit %7 Tokens; bis zu %8 Positionen.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="118" />
        <source>Labels in the folder: %1.</source>
        <translation>Labels im Ordner: %1.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="120" />
        <source>Estimated step time on this CPU: %1.</source>
        <translation>Geschätzte Schrittdauer auf dieser CPU: %1.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="125" />
        <source>The folder has no model.safetensors: every weight would start random.</source>
        <translation>Der Ordner enthält keine model.safetensors: alle Gewichte würden zufällig beginnen.</translation>
    </message>
    <message>
        <location filename="../ui/pretrained_model_panel.cpp" line="127" />
        <source>Training will be slow on the CPU (about %1 per step): use a CUDA GPU, or lower the batch size, max length or UEGR passes.</source>
        <translation>Das Training wird auf der CPU langsam sein (etwa %1 pro Schritt): eine CUDA-GPU verwenden oder Batchgröße, maximale Länge oder UEGR-Durchläufe verringern.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RobustnessComparison</name>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="81" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="82" />
        <source>Clean accuracy</source>
        <translation>Saubere Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="91" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="102" />
        <source>accuracy (ε = %1)</source>
        <translation>Genauigkeit (ε = %1)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="103" />
        <source>accuracy (largest ε)</source>
        <translation>Genauigkeit (größtes ε)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="106" />
        <source>success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="108" />
        <source>perturbed words</source>
        <translation>veränderte Wörter</translation>
    </message>
    <message>
        <location filename="../ui/robustness_comparison.cpp" line="110" />
        <source>queries</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RobustnessExamplesView</name>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="40" />
        <source>All examples</source>
        <translation>Alle Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="41" />
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="42" />
        <source>Failed</source>
        <translation>Gescheitert</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="43" />
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="47" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="47" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="47" />
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="47" />
        <source>Before attack</source>
        <translation>Vor dem Angriff</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="47" />
        <source>After attack</source>
        <translation>Nach dem Angriff</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="48" />
        <source>Perturbed words</source>
        <translation>Veränderte Wörter</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="48" />
        <source>Queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="99" />
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="100" />
        <source>failed</source>
        <translation>gescheitert</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="101" />
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="115" />
        <source>Run an attack or pick a run and an attack with results.</source>
        <translation>Starten Sie einen Angriff oder wählen Sie einen Lauf und einen Angriff mit Ergebnissen.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="116" />
        <source>No per-example records.</source>
        <translation>Keine Einträge pro Beispiel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/robustness_examples.cpp" line="118" />
        <source>%1 of %n example(s)</source>
        <translation>
            <numerusform>%1 von %n Beispiel</numerusform>
            <numerusform>%1 von %n Beispielen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="160" />
        <source>PGD perturbs the word embeddings; the text itself is unchanged.</source>
        <translation>PGD stört die Worteinbettungen; der Text selbst bleibt unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="164" />
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="166" />
        <source>Adversarial</source>
        <translation>Adversarial</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="187" />
        <source>Open in Saliency Explorer</source>
        <translation>Im Salienz-Explorer öffnen</translation>
    </message>
    <message>
        <location filename="../ui/robustness_examples.cpp" line="190" />
        <source>Open Original Text in Saliency Explorer</source>
        <translation>Originaltext im Salienz-Explorer öffnen</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RobustnessOptions</name>
    <message>
        <location filename="../ui/robustness_options.cpp" line="16" />
        <source>PGD (embedding space)</source>
        <translation>PGD (Einbettungsraum)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="17" />
        <source>WordNet (synonym swaps)</source>
        <translation>WordNet (Synonymtausch)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="18" />
        <source>CharSwap (character edits)</source>
        <translation>CharSwap (Zeichenänderungen)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="25" />
        <source>relative to each example's embedding norm</source>
        <translation>relativ zur Einbettungsnorm jedes Beispiels</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="32" />
        <source>Projected gradient descent on the word embeddings, for each ε of the list.</source>
        <translation>Projizierter Gradientenabstieg auf den Worteinbettungen, für jedes ε der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="33" />
        <source>PWWS: greedy substitution of words by WordNet synonyms, stop-words kept.</source>
        <translation>PWWS: gieriges Ersetzen von Wörtern durch WordNet-Synonyme, Stoppwörter bleiben.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="35" />
        <source>DeepWordBug: swaps, deletions, insertions and substitutions of characters in the most important words.</source>
        <translation>DeepWordBug: Vertauschen, Löschen, Einfügen und Ersetzen von Zeichen in den wichtigsten Wörtern.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="40" />
        <source>Examples drawn (seeded) from the split; the whole split if it is smaller.</source>
        <translation>Beispiele, (mit Seed) aus dem Split gezogen; der ganze Split, wenn er kleiner ist.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="42" />
        <source>dev split</source>
        <translation>Dev-Split</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="43" />
        <source>test split</source>
        <translation>Test-Split</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="47" />
        <source>WordNet and CharSwap: model queries per example.</source>
        <translation>WordNet und CharSwap: Modellanfragen pro Beispiel.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="53" />
        <source>Comma-separated radii of the perturbation ball.</source>
        <translation>Kommagetrennte Radien der Störungskugel.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="59" />
        <source>So that models with different embedding scales compare fairly.</source>
        <translation>Damit Modelle mit unterschiedlich skalierten Einbettungen fair vergleichbar sind.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="67" />
        <source>Each restart after the first starts from a random point in the ε ball; an example counts as broken if any restart breaks it. The cost grows linearly with the restarts.</source>
        <translation>Jeder Neustart nach dem ersten beginnt an einem zufälligen Punkt der ε-Kugel; ein Beispiel gilt als gebrochen, wenn irgendein Neustart es bricht. Der Aufwand wächst linear mit der Zahl der Neustarts.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="78" />
        <source>Attacks:</source>
        <translation>Angriffe:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="81" />
        <source>Sample:</source>
        <translation>Stichprobe:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="82" />
        <source>Query budget:</source>
        <translation>Anfragebudget:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="83" />
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="84" />
        <source>PGD ε:</source>
        <translation>PGD-ε:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="85" />
        <source>PGD norm:</source>
        <translation>PGD-Norm:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="86" />
        <source>PGD steps:</source>
        <translation>PGD-Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="87" />
        <source>PGD restarts:</source>
        <translation>PGD-Neustarts:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="122" />
        <source>"%1" is not a non-negative number (PGD ε list).</source>
        <translation>„%1“ ist keine nichtnegative Zahl (PGD-ε-Liste).</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="128" />
        <source>The PGD ε list is empty.</source>
        <translation>Die PGD-ε-Liste ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_options.cpp" line="129" />
        <source>Choose at least one attack.</source>
        <translation>Wählen Sie mindestens einen Angriff.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RobustnessPage</name>
    <message>
        <location filename="../ui/robustness_page.cpp" line="40" />
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="42" />
        <source>&amp;Run Attacks</source>
        <translation>Angriffe &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="43" />
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="49" />
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="50" />
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="50" />
        <source>accuracy under attack</source>
        <translation>Genauigkeit unter Angriff</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="55" />
        <source>Runs of the workspace that have a trained model (model/).</source>
        <translation>Läufe des Arbeitsbereichs mit trainiertem Modell (model/).</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="75" />
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="79" />
        <source>Attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="97" />
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="99" />
        <source>Attack:</source>
        <translation>Angriff:</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="104" />
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="105" />
        <source>Accuracy vs. ε</source>
        <translation>Genauigkeit gegen ε</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="106" />
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="148" />
        <source>%1: %2, %3 / %4 (attack %5 of %6)</source>
        <translation>%1: %2, %3 / %4 (Angriff %5 von %6)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="159" />
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="163" />
        <source>Cancelled; attacks that had finished are saved.</source>
        <translation>Abgebrochen; fertige Angriffe sind gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/robustness_page.cpp" line="164" />
        <source>Done: %n result(s).</source>
        <translation>
            <numerusform>Fertig: %n Ergebnis.</numerusform>
            <numerusform>Fertig: %n Ergebnisse.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="166" />
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="174" />
        <source>Choose runs and attacks, then run them. Results are saved in each run's robustness/ folder.</source>
        <translation>Wählen Sie Läufe und Angriffe und starten Sie sie. Die Ergebnisse werden im Ordner robustness/ jedes Laufs gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="205" />
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="247" />
        <source>Check at least one run.</source>
        <translation>Haken Sie mindestens einen Lauf an.</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="255" />
        <source>Loading the models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="262" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="327" />
        <source>Could not read the examples: %1</source>
        <translation>Die Beispiele konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="339" />
        <location filename="../ui/robustness_page.cpp" line="342" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="348" />
        <source>Export Robustness Table</source>
        <translation>Robustheitstabelle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="349" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/robustness_page.cpp" line="353" />
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunAnnotations</name>
    <message>
        <location filename="../ui/run_annotations.cpp" line="38" />
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/run_annotations.cpp" line="44" />
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: kein JSON-Objekt (%2)</translation>
    </message>
    <message>
        <location filename="../ui/run_annotations.cpp" line="51" />
        <source>%1: "tags" must be a list of texts and "notes" a text</source>
        <translation>%1: "tags" muss eine Liste von Texten sein und "notes" ein Text</translation>
    </message>
    <message>
        <location filename="../ui/run_annotations.cpp" line="66" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunFolderActions</name>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="41" />
        <source>Edit Ta&amp;gs</source>
        <translation>Ta&amp;gs bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="42" />
        <source>Edit &amp;Notes…</source>
        <translation>&amp;Notizen bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="43" />
        <source>Rena&amp;me…</source>
        <translation>Umbe&amp;nennen…</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="44" />
        <source>Move to &amp;Trash…</source>
        <translation>In den &amp;Papierkorb…</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="45" />
        <source>Undo De&amp;lete</source>
        <translation>Löschen rückgängig &amp;machen</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="50" />
        <source>Edit the selected run's tags, separated by commas.</source>
        <translation>Die Tags des ausgewählten Laufs bearbeiten, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="51" />
        <source>Write notes on the selected run.</source>
        <translation>Notizen zum ausgewählten Lauf schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="52" />
        <source>Rename the selected run's folder.</source>
        <translation>Den Ordner des ausgewählten Laufs umbenennen.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="53" />
        <source>Move the selected runs' folders to the trash.</source>
        <translation>Die Ordner der ausgewählten Läufe in den Papierkorb verschieben.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="54" />
        <source>Put the runs deleted last back where they were.</source>
        <translation>Die zuletzt gelöschten Läufe an ihren Platz zurücklegen.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="123" />
        <source>Run Notes</source>
        <translation>Notizen zum Lauf</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="123" />
        <source>Notes on %1:</source>
        <translation>Notizen zu %1:</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="131" />
        <source>Notes on %1 saved.</source>
        <translation>Notizen zu %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="138" />
        <source>%1 is training; stop it before renaming it.</source>
        <translation>%1 trainiert gerade; halten Sie ihn vor dem Umbenennen an.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="141" />
        <source>Rename Run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="141" />
        <source>New name of the run folder:</source>
        <translation>Neuer Name des Laufordners:</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="166" />
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="171" />
        <source>Move the run %1 to the trash?</source>
        <translation>Den Lauf %1 in den Papierkorb verschieben?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run_folder_actions.cpp" line="172" />
        <source>Move these %n runs to the trash?
%1</source>
        <translation>
            <numerusform>Diesen %n Lauf in den Papierkorb verschieben?
%1</numerusform>
            <numerusform>Diese %n Läufe in den Papierkorb verschieben?
%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="174" />
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="175" />
        <source>Undo Delete (Ctrl+Z in the runs table) puts them back.</source>
        <translation>„Löschen rückgängig machen“ (Strg+Z in der Lauftabelle) legt sie zurück.</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="176" />
        <source>Move to &amp;Trash</source>
        <translation>In den &amp;Papierkorb</translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="184" />
        <source>%1 is training; stop it before deleting it.</source>
        <translation>%1 trainiert gerade; halten Sie ihn vor dem Löschen an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run_folder_actions.cpp" line="199" />
        <source>Moved %n run(s) to the trash. Undo Delete puts them back.</source>
        <translation>
            <numerusform>%n Lauf in den Papierkorb verschoben. „Löschen rückgängig machen“ legt ihn zurück.</numerusform>
            <numerusform>%n Läufe in den Papierkorb verschoben. „Löschen rückgängig machen“ legt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/run_folder_actions.cpp" line="236" />
        <source>Put back %1.</source>
        <translation>%1 zurückgelegt.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunPlots</name>
    <message>
        <location filename="../ui/runs_plots.cpp" line="84" />
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="86" />
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="88" />
        <source>adversarial</source>
        <translation>adversarial</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="90" />
        <source>JS</source>
        <translation>JS</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="92" />
        <source>JS loss</source>
        <translation>JS-Verlust</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="99" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="101" />
        <source>macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="103" />
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="108" />
        <source>accuracy under attack</source>
        <translation>Genauigkeit unter Angriff</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="116" />
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="157" />
        <location filename="../ui/runs_plots.cpp" line="158" />
        <location filename="../ui/runs_plots.cpp" line="159" />
        <location filename="../ui/runs_plots.cpp" line="160" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="157" />
        <location filename="../ui/runs_plots.cpp" line="198" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="158" />
        <location filename="../ui/runs_plots.cpp" line="199" />
        <source>dev metric</source>
        <translation>Dev-Metrik</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="159" />
        <source>kept fraction</source>
        <translation>behaltener Anteil</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="160" />
        <source>dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="167" />
        <source>Losses</source>
        <translation>Verluste</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="168" />
        <location filename="../ui/runs_plots.cpp" line="200" />
        <source>Dev metrics</source>
        <translation>Dev-Metriken</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="169" />
        <source>Mask density</source>
        <translation>Maskendichte</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="170" />
        <source>Dropout rates</source>
        <translation>Dropout-Raten</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="208" />
        <source>total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="209" />
        <source>dev accuracy</source>
        <translation>Dev-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_plots.cpp" line="210" />
        <source>Dev accuracy</source>
        <translation>Dev-Genauigkeit</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunRename</name>
    <message>
        <location filename="../ui/run_rename.cpp" line="26" />
        <source>The new name is empty.</source>
        <translation>Der neue Name ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="28" />
        <source>A run name cannot contain / or \.</source>
        <translation>Ein Laufname darf weder / noch \ enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="30" />
        <source>A run name cannot start with a dot (that would hide the folder).</source>
        <translation>Ein Laufname darf nicht mit einem Punkt beginnen (das würde den Ordner verstecken).</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="33" />
        <source>A run name cannot contain ".tmp-": it marks temporary files.</source>
        <translation>Ein Laufname darf „.tmp-“ nicht enthalten: Es kennzeichnet temporäre Dateien.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="34" />
        <source>A run name cannot contain control characters.</source>
        <translation>Ein Laufname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="36" />
        <source>The new name is too long (at most %1 bytes).</source>
        <translation>Der neue Name ist zu lang (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="46" />
        <source>%1 no longer exists.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="49" />
        <source>%1 already exists; choose another name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/run_rename.cpp" line="52" />
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunReport</name>
    <message>
        <location filename="../ui/report_builder.cpp" line="183" />
        <source>No evaluation yet.</source>
        <translation>Noch keine Auswertung.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="187" />
        <location filename="../ui/report_builder.cpp" line="416" />
        <location filename="../ui/report_builder.cpp" line="419" />
        <location filename="../ui/report_builder.cpp" line="423" />
        <location filename="../ui/report_builder.cpp" line="428" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="187" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="188" />
        <source>macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="188" />
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="189" />
        <location filename="../ui/report_builder.cpp" line="416" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="198" />
        <location filename="../ui/report_builder.cpp" line="242" />
        <source>Best dev</source>
        <translation>Bester Dev-Wert</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="199" />
        <location filename="../ui/report_builder.cpp" line="244" />
        <source>Test (best dev model)</source>
        <translation>Test (bestes Dev-Modell)</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="210" />
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="210" />
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="210" />
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="211" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="211" />
        <source>support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="224" />
        <source>Confusion matrix: rows are true labels, columns predicted labels.</source>
        <translation>Konfusionsmatrix: Zeilen sind wahre Labels, Spalten vorhergesagte Labels.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="246" />
        <source>Per-class results</source>
        <translation>Ergebnisse je Klasse</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="250" />
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="253" />
        <location filename="../ui/report_builder.cpp" line="293" />
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="256" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="257" />
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="258" />
        <source>Skipped rows</source>
        <translation>Übersprungene Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="259" />
        <source>Average tokens</source>
        <translation>Token im Mittel</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="260" />
        <source>Longest text (tokens)</source>
        <translation>Längster Text (Token)</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="262" />
        <source>Label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="276" />
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="277" />
        <source>Of the machine that made this report.</source>
        <translation>Des Rechners, der diesen Bericht erstellt hat.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="278" />
        <source>UEGR</source>
        <translation>UEGR</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="279" />
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="281" />
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="282" />
        <source>Intra-op threads</source>
        <translation>Intra-Op-Threads</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="283" />
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report_builder.cpp" line="284" />
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="285" />
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="331" />
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="334" />
        <source>Runs of this run's workspace with saved attack results (Robustness page or its robustness/ folder). Accuracies are on each run's attacked sample; the success rate is over the examples the model classified correctly; PGD's figures are those at its largest ε. This run is in bold.</source>
        <translation>Läufe im Arbeitsbereich dieses Laufs mit gespeicherten Angriffsergebnissen (Seite Robustheit oder Ordner robustness/ des Laufs). Die Genauigkeiten beziehen sich auf die angegriffene Stichprobe jedes Laufs; die Erfolgsquote auf die Beispiele, die das Modell richtig klassifiziert hat; die PGD-Werte gelten für das größte ε. Dieser Lauf ist fett gedruckt.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="368" />
        <source>Not read: %1</source>
        <translation>Nicht gelesen: %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="383" />
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="385" />
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="387" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="389" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="418" />
        <source>Training losses</source>
        <translation>Trainingsverluste</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="419" />
        <source>dev metric</source>
        <translation>Dev-Metrik</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="421" />
        <source>Dev metrics</source>
        <translation>Dev-Metriken</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="423" />
        <source>kept fraction</source>
        <translation>behaltener Anteil</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="425" />
        <source>Mask density</source>
        <translation>Maskendichte</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="428" />
        <source>dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="430" />
        <source>Dropout rates</source>
        <translation>Dropout-Raten</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="446" />
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="446" />
        <source>accuracy under attack</source>
        <translation>Genauigkeit unter Angriff</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="448" />
        <source>Accuracy under PGD against ε</source>
        <translation>Genauigkeit unter PGD gegen ε</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="469" />
        <source>Every key has its default value.</source>
        <translation>Alle Schlüssel haben ihren Standardwert.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="472" />
        <source>The keys that differ from the defaults; the appendix lists them all.</source>
        <translation>Die Schlüssel, die vom Standard abweichen; der Anhang führt alle auf.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="480" />
        <source>Appendix: the full configuration</source>
        <translation>Anhang: die vollständige Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="498" />
        <location filename="../ui/report_builder.cpp" line="572" />
        <source>UEGR run report: %1</source>
        <translation>UEGR-Laufbericht: %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="507" />
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="510" />
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="511" />
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="512" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="513" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="514" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="515" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="516" />
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="520" />
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="520" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="521" />
        <source>Report made</source>
        <translation>Bericht erstellt</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="524" />
        <source>Final metrics</source>
        <translation>Endgültige Metriken</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="528" />
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="532" />
        <source>metrics.jsonl could not be read: %1</source>
        <translation>metrics.jsonl konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="461" />
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="466" />
        <source>config.json could not be read: %1</source>
        <translation>config.json konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="555" />
        <location filename="../ui/report_builder.cpp" line="559" />
        <location filename="../ui/report_builder.cpp" line="567" />
        <location filename="../ui/report_builder.cpp" line="590" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="98" />
        <source>dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="100" />
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="102" />
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="290" />
        <source>Saliency</source>
        <translation>Salienz</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="297" />
        <location filename="../ui/report_builder.cpp" line="442" />
        <source>Parameter saliency</source>
        <translation>Parametersalienz</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="298" />
        <source>|θ ⊙ ∂L/∂θ| of each parameter tensor on one batch of up to %1 examples of the %2 data.</source>
        <translation>|θ ⊙ ∂L/∂θ| jedes Parametertensors auf einem Batch von bis zu %1 Beispielen der %2-Daten.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="314" />
        <source>Token saliency</source>
        <translation>Token-Salienz</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="315" />
        <source>Gradient × input toward the predicted class on the first examples of the %1 data: red tokens speak for it, blue ones against it.</source>
        <translation>Gradient × Eingabe zur vorhergesagten Klasse auf den ersten Beispielen der %1-Daten: rote Tokens sprechen für sie, blaue dagegen.</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="322" />
        <source>Predicted: %1; true: %2</source>
        <translation>Vorhergesagt: %1; richtig: %2</translation>
    </message>
    <message>
        <location filename="../ui/report_builder.cpp" line="435" />
        <source>Model bundle</source>
        <translation>Modellpaket</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunTrash</name>
    <message>
        <location filename="../ui/run_trash.cpp" line="29" />
        <source>%1 no longer exists.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/run_trash.cpp" line="35" />
        <source>Cannot move %1 to the trash; it was left where it is.</source>
        <translation>%1 kann nicht in den Papierkorb verschoben werden; der Ordner bleibt, wo er ist.</translation>
    </message>
    <message>
        <location filename="../ui/run_trash.cpp" line="43" />
        <source>Cannot put the run back: %1 exists again. It is still in the trash at %2.</source>
        <translation>Der Lauf kann nicht zurückgelegt werden: %1 existiert wieder. Er liegt weiter im Papierkorb unter %2.</translation>
    </message>
    <message>
        <location filename="../ui/run_trash.cpp" line="46" />
        <source>Cannot put the run back: %1 is no longer in the trash.</source>
        <translation>Der Lauf kann nicht zurückgelegt werden: %1 ist nicht mehr im Papierkorb.</translation>
    </message>
    <message>
        <location filename="../ui/run_trash.cpp" line="49" />
        <source>Cannot move %1 back to %2.</source>
        <translation>%1 kann nicht nach %2 zurückgelegt werden.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunsPage</name>
    <message>
        <location filename="../ui/runs_page.cpp" line="73" />
        <location filename="../ui/runs_page.cpp" line="174" />
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="74" />
        <location filename="../ui/runs_page.cpp" line="175" />
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="75" />
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="78" />
        <source>Config &amp;Diff…</source>
        <translation>Konfigurations&amp;vergleich…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="85" />
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="87" />
        <source>Choose the folder that holds the runs; new runs from the Training page go there.</source>
        <translation>Den Ordner mit den Läufen wählen; neue Läufe der Trainingsseite werden dort gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="89" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="92" />
        <source>Open Run &amp;Folder…</source>
        <translation>Lauf&amp;ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="94" />
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="100" />
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="108" />
        <source>Filter by name, method, tag, setting…</source>
        <translation>Nach Name, Methode, Tag, Einstellung filtern…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="111" />
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="139" />
        <source>Replay the selected run's curves.</source>
        <translation>Die Kurven des gewählten Laufs anzeigen.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="142" />
        <source>Overlay the loss and dev accuracy of the selected runs.</source>
        <translation>Verlust und Dev-Genauigkeit der gewählten Läufe übereinander zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="145" />
        <source>Continue the selected stopped run from its last checkpoint.</source>
        <translation>Den gewählten angehaltenen Lauf ab seinem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="151" />
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="154" />
        <source>&amp;Model Bundle…</source>
        <translation>&amp;Modellpaket…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="155" />
        <source>&amp;HTML Report…</source>
        <translation>&amp;HTML-Bericht…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="156" />
        <source>&amp;PDF Report…</source>
        <translation>&amp;PDF-Bericht…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="157" />
        <source>Metrics &amp;CSV…</source>
        <translation>Metriken als &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="160" />
        <source>List the settings in which the two selected runs differ.</source>
        <translation>Die Einstellungen auflisten, in denen sich die beiden ausgewählten Läufe unterscheiden.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="210" />
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="211" />
        <source>Per class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="212" />
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="245" />
        <source>Runs Workspace</source>
        <translation>Arbeitsbereich für Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="254" />
        <source>Looking for runs in %1…</source>
        <translation>Suche Läufe in %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs_page.cpp" line="279" />
        <source>%n run folder(s) could not be read (red rows; hover for the reason). First: %1</source>
        <translation>
            <numerusform>%n Laufordner konnte nicht gelesen werden (rote Zeilen; Grund im Tooltip). Erster: %1</numerusform>
            <numerusform>%n Laufordner konnten nicht gelesen werden (rote Zeilen; Grund im Tooltip). Erster: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="284" />
        <source>No runs in %1 yet. Runs started on the Training page are saved there.</source>
        <translation>Noch keine Läufe in %1. Auf der Trainingsseite gestartete Läufe werden dort gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs_page.cpp" line="288" />
        <source>%n run(s).</source>
        <translation>
            <numerusform>%n Lauf.</numerusform>
            <numerusform>%n Läufe.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="307" />
        <source>Open Run Folder</source>
        <translation>Laufordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="312" />
        <source>Reading curves…</source>
        <translation>Lese Kurven…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="336" />
        <source>Cannot show the curves: %1</source>
        <translation>Die Kurven können nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs_page.cpp" line="346" />
        <source>Showing %1: %n step(s).</source>
        <translation>
            <numerusform>%1: %n Schritt.</numerusform>
            <numerusform>%1: %n Schritte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="349" />
        <source>Comparing %1.</source>
        <translation>Vergleich von %1.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="433" />
        <source>Select one run to see its confusion matrix and per-class scores.</source>
        <translation>Wählen Sie einen Lauf, um seine Konfusionsmatrix und die Werte je Klasse zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="439" />
        <source>Best dev (step %1)</source>
        <translation>Bester Dev-Wert (Schritt %1)</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="440" />
        <source>Test (best dev model)</source>
        <translation>Test (bestes Dev-Modell)</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="441" />
        <source>%1 has no per-class results yet: runs record them at each dev and test evaluation (runs from older versions have none).</source>
        <translation>%1 hat noch keine Ergebnisse je Klasse: Läufe speichern sie bei jeder Dev- und Test-Evaluierung (Läufe älterer Versionen haben keine).</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="503" />
        <source>No recent runs</source>
        <translation>Keine zuletzt geöffneten Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="512" />
        <source>Export Model Bundle Into</source>
        <translation>Modellpaket exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="517" />
        <source>Copying the model bundle…</source>
        <translation>Kopiere das Modellpaket…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="520" />
        <source>Model bundle exported to %1.</source>
        <translation>Modellpaket nach %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="529" />
        <source>Export Metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="530" />
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="534" />
        <source>Writing the metrics table…</source>
        <translation>Schreibe die Metriktabelle…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="536" />
        <source>Metrics exported to %1.</source>
        <translation>Metriken nach %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="546" />
        <source>Export PDF Report</source>
        <translation>PDF-Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="546" />
        <source>Export HTML Report</source>
        <translation>HTML-Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="548" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="548" />
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="552" />
        <source>Reading the run's files…</source>
        <translation>Lese die Dateien des Laufs…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="561" />
        <source>Drawing the plots…</source>
        <translation>Zeichne die Diagramme…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="564" />
        <source>Writing %1…</source>
        <translation>Schreibe %1…</translation>
    </message>
    <message>
        <location filename="../ui/runs_page.cpp" line="569" />
        <source>Report written to %1.</source>
        <translation>Bericht nach %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::RunsTableModel</name>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="116" />
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="119" />
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="121" />
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="123" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="125" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="187" />
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="196" />
        <source>Tags, separated by commas. Double-click to edit.</source>
        <translation>Tags, durch Kommas getrennt. Zum Bearbeiten doppelklicken.</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="197" />
        <source>No notes. Edit them with Notes….</source>
        <translation>Keine Notizen. Bearbeiten Sie sie mit „Notizen…“.</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="217" />
        <source>%1 is not in this run's config.json</source>
        <translation>%1 steht nicht in der config.json dieses Laufs</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="248" />
        <source>The config key %1, whose value differs between the runs.</source>
        <translation>Der Konfigurationsschlüssel %1, dessen Wert sich zwischen den Läufen unterscheidet.</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="254" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="256" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="258" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="260" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="262" />
        <source>Best dev accuracy</source>
        <translation>Beste Dev-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="264" />
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="266" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="268" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="270" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/runs_table_model.cpp" line="272" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>uegr::studio::SaliencyPage</name>
    <message>
        <location filename="../ui/saliency_page.cpp" line="30" />
        <source>&amp;Open Run, Checkpoint or Bundle…</source>
        <translation>Lauf, Checkpoint oder Bundle ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="33" />
        <source>Compare &amp;With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="39" />
        <source>Request from &amp;Live Run</source>
        <translation>Vom &amp;laufenden Training anfordern</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="40" />
        <source>Follow live snapshots</source>
        <translation>Live-Snapshots folgen</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="41" />
        <source>&amp;Compute from Model</source>
        <translation>Aus dem Modell &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="48" />
        <source>A finished run's folder (its model/ and dev split), one of its checkpoints (checkpoints/step-N: the run's model with that step's weights) or a model bundle folder.</source>
        <translation>Der Ordner eines abgeschlossenen Laufs (sein model/ und Dev-Split), einer seiner Checkpoints (checkpoints/step-N: das Modell des Laufs mit den Gewichten dieses Schritts) oder ein Modell-Bundle-Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="52" />
        <source>The running training sends |θ ⊙ g| of every parameter after its next step.</source>
        <translation>Das laufende Training sendet |θ ⊙ g| jedes Parameters nach seinem nächsten Schritt.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="66" />
        <source>One forward and backward pass of the opened model (cross-entropy, eval mode) on its first examples.</source>
        <translation>Ein Vorwärts- und Rückwärtsdurchlauf des geöffneten Modells (Kreuzentropie, Auswertungsmodus) auf seinen ersten Beispielen.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="72" />
        <source>Examples in the batch the gradient is taken on.</source>
        <translation>Beispiele im Batch, auf dem der Gradient berechnet wird.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="77" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="88" />
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="90" />
        <source>examples</source>
        <translation>Beispielen</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="99" />
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="100" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="114" />
        <source>none opened</source>
        <translation>keines geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="140" />
        <source>The run in %1 finished; open it to explain its model.</source>
        <translation>Der Lauf in %1 ist beendet; öffnen Sie ihn, um sein Modell zu erklären.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="149" />
        <source>Open Run, Checkpoint or Model Bundle</source>
        <translation>Lauf, Checkpoint oder Modell-Bundle öffnen</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="174" />
        <source>Open a second run, checkpoint or bundle: it explains every text the first model explains, side by side.</source>
        <translation>Einen zweiten Lauf, Checkpoint oder ein Bundle öffnen: Es erklärt daneben jeden Text, den das erste Modell erklärt.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="181" />
        <source>Stop Comparing</source>
        <translation>Vergleich beenden</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="202" />
        <source>Compare With Run, Checkpoint or Model Bundle</source>
        <translation>Mit Lauf, Checkpoint oder Modell-Bundle vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="210" />
        <source>Opening %1 to compare…</source>
        <translation>%1 wird zum Vergleich geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="219" />
        <source>Could not open the model to compare: %1</source>
        <translation>Das Vergleichsmodell konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="226" />
        <source>Compared with: %1</source>
        <translation>Verglichen mit: %1</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="228" />
        <source>Both models explain the same text.</source>
        <translation>Beide Modelle erklären denselben Text.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="294" />
        <source>%1 (checkpoint of step %2)</source>
        <translation>%1 (Checkpoint von Schritt %2)</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="298" />
        <source>Weights of the checkpoint of step %1. %2</source>
        <translation>Gewichte des Checkpoints von Schritt %1. %2</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="165" />
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="56" />
        <source>Show a snapshot of the running training about once a second, besides those output.saliency_every_steps makes it send.</source>
        <translation>Etwa einmal pro Sekunde einen Snapshot des laufenden Trainings zeigen, zusätzlich zu denen, die output.saliency_every_steps senden lässt.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="277" />
        <source>Could not open the model: %1</source>
        <translation>Das Modell konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="317" />
        <source>Snapshot requested; it arrives after the run's next step.</source>
        <translation>Snapshot angefordert; er kommt nach dem nächsten Schritt des Laufs.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="324" />
        <source>Computing the parameter saliency…</source>
        <translation>Parameter-Salienz wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="342" />
        <source>Could not compute the parameter saliency: %1</source>
        <translation>Die Parameter-Salienz konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="346" />
        <source>Model %1, %2 examples</source>
        <translation>Modell %1, %2 Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="349" />
        <source>Parameter saliency computed.</source>
        <translation>Parameter-Salienz berechnet.</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="357" />
        <source>%1 (live run, step %2)</source>
        <translation>%1 (laufender Lauf, Schritt %2)</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="358" />
        <source>Live run, step %1</source>
        <translation>Laufendes Training, Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/saliency_page.cpp" line="359" />
        <source>Live snapshot of step %1 received.</source>
        <translation>Live-Snapshot von Schritt %1 empfangen.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::TokenSaliencyView</name>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="61" />
        <source>Signed scale</source>
        <translation>Vorzeichenbehaftete Skala</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="73" />
        <source>The example to explain, from the model's dev split.</source>
        <translation>Das zu erklärende Beispiel aus dem Dev-Split des Modells.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="75" />
        <source>Or type a text and press Enter</source>
        <translation>Oder einen Text eingeben und Enter drücken</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="78" />
        <source>Gradient × input</source>
        <translation>Gradient × Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="79" />
        <source>Integrated gradients</source>
        <translation>Integrierte Gradienten</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="81" />
        <source>Gradient × input: e ⊙ ∂logit/∂e, one backward pass. Integrated gradients: the gradient averaged along the path from zero embeddings to e; the scores add up to logit(e) − logit(0).</source>
        <translation>Gradient × Eingabe: e ⊙ ∂logit/∂e, ein Rückwärtsdurchlauf. Integrierte Gradienten: der Gradient, gemittelt entlang des Pfads von Null-Embeddings zu e; die Werte summieren sich zu logit(e) − logit(0).</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="87" />
        <source>Integrated gradients: points on the path (more: closer to the exact integral).</source>
        <translation>Integrierte Gradienten: Punkte auf dem Pfad (mehr: näher am exakten Integral).</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="89" />
        <source>The class whose logit is explained.</source>
        <translation>Die Klasse, deren Logit erklärt wird.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="93" />
        <source>Signed: red tokens speak for the class, blue ones against it. Unsigned: colour by magnitude only.</source>
        <translation>Mit Vorzeichen: rote Tokens sprechen für die Klasse, blaue dagegen. Ohne Vorzeichen: Farbe nur nach Betrag.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="98" />
        <source>Colour gamma: below 1 shows weak attributions, above 1 only the strongest.</source>
        <translation>Farb-Gamma: unter 1 werden schwache Attributionen sichtbar, über 1 nur die stärksten.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="58" />
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="119" />
        <source>Explain class:</source>
        <translation>Klasse erklären:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="125" />
        <source>Gamma:</source>
        <translation>Gamma:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="132" />
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="133" />
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="134" />
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="170" />
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="183" />
        <source>Open a finished run or a model bundle to explain its predictions.</source>
        <translation>Öffnen Sie einen abgeschlossenen Lauf oder ein Modell-Bundle, um seine Vorhersagen zu erklären.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="241" />
        <source>The data has no examples; type a text to explain.</source>
        <translation>Die Daten enthalten keine Beispiele; geben Sie einen Text zum Erklären ein.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="242" />
        <source>No examples (%1); type a text to explain.</source>
        <translation>Keine Beispiele (%1); geben Sie einen Text zum Erklären ein.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="243" />
        <source>dev split</source>
        <translation>Dev-Split</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="244" />
        <source>test split</source>
        <translation>Test-Split</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="245" />
        <source>training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="247" />
        <source>the configured dataset</source>
        <translation>dem konfigurierten Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="250" />
        <source>One example from the %1 of %2.</source>
        <translation>Ein Beispiel aus dem %1 von %2.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="251" />
        <source>%1 examples from the %2 of %3.</source>
        <translation>%1 Beispiele aus dem %2 von %3.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="289" />
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="315" />
        <source>Could not compute the attribution: %1</source>
        <translation>Die Attribution konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="351" />
        <source>Predicted: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Vorhergesagt: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="356" />
        <source>True: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Wahr: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="359" />
        <source>Explained: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Erklärt: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="365" />
        <source>Probabilities: %1</source>
        <translation>Wahrscheinlichkeiten: %1</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="371" />
        <source>Sum of attributions %1; logit(e) − logit(0) = %2 (completeness gap %3).</source>
        <translation>Summe der Attributionen %1; logit(e) − logit(0) = %2 (Vollständigkeitslücke %3).</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="375" />
        <source>Sum of attributions %1; target logit %2.</source>
        <translation>Summe der Attributionen %1; Ziel-Logit %2.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="383" />
        <source>Blue: against the explained class; red: for it.</source>
        <translation>Blau: gegen die erklärte Klasse; rot: für sie.</translation>
    </message>
    <message>
        <location filename="../ui/token_saliency_view.cpp" line="384" />
        <source>Colour by magnitude of the attribution.</source>
        <translation>Farbe nach Betrag der Attribution.</translation>
    </message>
</context>
<context>
    <name>uegr::studio::TrainingPage</name>
    <message>
        <location filename="../ui/training_page.cpp" line="69" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="70" />
        <location filename="../ui/training_page.cpp" line="488" />
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="71" />
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="77" />
        <location filename="../ui/training_page.cpp" line="78" />
        <location filename="../ui/training_page.cpp" line="79" />
        <location filename="../ui/training_page.cpp" line="80" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="77" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="78" />
        <source>kept fraction</source>
        <translation>behaltener Anteil</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="79" />
        <source>dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="80" />
        <source>dev metric</source>
        <translation>Dev-Metrik</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="95" />
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="96" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="97" />
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="102" />
        <source>CUDA is not available: LibTorch %1 was built without CUDA or no GPU was found.</source>
        <translation>CUDA ist nicht verfügbar: LibTorch %1 wurde ohne CUDA gebaut oder es wurde keine GPU gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="105" />
        <source>Where to train; overrides training.device of the configuration.</source>
        <translation>Wo trainiert wird; ersetzt training.device der Konfiguration.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="108" />
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="109" />
        <source>CPU threads for LibTorch; overrides training.threads of the configuration.</source>
        <translation>CPU-Threads für LibTorch; ersetzt training.threads der Konfiguration.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="114" />
        <source>Smoothing of the loss curves (debiased moving average); the raw values stay faint behind.</source>
        <translation>Glättung der Verlustkurven (bias-korrigierter gleitender Mittelwert); die Rohwerte bleiben blass dahinter.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="125" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="127" />
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="131" />
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="131" />
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="131" />
        <source>adversarial</source>
        <translation>adversariell</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="131" />
        <source>JS</source>
        <translation>JS</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="137" />
        <source>JS loss</source>
        <translation>JS-Verlust</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="139" />
        <source>Losses</source>
        <translation>Verluste</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="140" />
        <source>Mask density</source>
        <translation>Maskendichte</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="141" />
        <source>Dropout rates</source>
        <translation>Dropout-Raten</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="142" />
        <source>Dev metrics</source>
        <translation>Dev-Metriken</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="143" />
        <source>Per class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="146" />
        <source>&amp;Reset View</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="150" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="153" />
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="155" />
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="190" />
        <source>Run folder: %1</source>
        <translation>Laufordner: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="196" />
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="214" />
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="228" />
        <source>Starting %1 training.</source>
        <translation>%1-Training wird gestartet.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="242" />
        <source>Paused after the current step.</source>
        <translation>Nach dem laufenden Schritt angehalten.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="247" />
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="253" />
        <source>Stopping: a checkpoint is written first.</source>
        <translation>Wird beendet: zuerst wird ein Checkpoint geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="373" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="374" />
        <source>Step %1/%2, epoch %3, %4 steps/s, ETA %5</source>
        <translation>Schritt %1/%2, Epoche %3, %4 Schritte/s, Restzeit %5</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="380" />
        <source>, peak GPU memory %1 MiB</source>
        <translation>, GPU-Speicher-Spitze %1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="395" />
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="404" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="405" />
        <source>macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="406" />
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="410" />
        <source>Dev at step %1: accuracy %2, macro-F1 %3, MCC %4</source>
        <translation>Dev bei Schritt %1: Genauigkeit %2, Makro-F1 %3, MCC %4</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="417" />
        <source>Dev at step %1</source>
        <translation>Dev bei Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="422" />
        <source>The confusion matrix and per-class scores of the latest dev evaluation appear here.</source>
        <translation>Hier erscheinen die Konfusionsmatrix und die Werte je Klasse der letzten Dev-Evaluierung.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="428" />
        <source>accuracy under attack</source>
        <translation>Genauigkeit unter Angriff</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="435" />
        <source>Robustness at step %1 (%2, %3 dev examples): clean accuracy %4, accuracy under attack %5, attack success rate %6 (%7 s)</source>
        <translation>Robustheit bei Schritt %1 (%2, %3 Dev-Beispiele): saubere Genauigkeit %4, Genauigkeit unter Angriff %5, Erfolgsrate des Angriffs %6 (%7 s)</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="474" />
        <source>Training Failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="488" />
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="498" />
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="501" />
        <source>PNG image (*.png);;PDF document (*.pdf);;CSV table (*.csv)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="508" />
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="509" />
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="221" />
        <source>Cannot start: cannot create a run folder in %1.</source>
        <translation>Start nicht möglich: in %1 kann kein Laufordner angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="42" />
        <source>no dev evaluation yet</source>
        <translation>noch keine Dev-Auswertung</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="43" />
        <source>best dev accuracy %1 (step %2)</source>
        <translation>beste Dev-Genauigkeit %1 (Schritt %2)</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="52" />
        <source>Stopped at step %1 (%2 s); %3. A checkpoint was saved: resume the run from the Runs page.</source>
        <translation>Angehalten bei Schritt %1 (%2 s); %3. Ein Checkpoint wurde gespeichert: Setzen Sie den Lauf auf der Seite Läufe fort.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="58" />
        <source>Finished after %1 steps (%2 s); %3.</source>
        <translation>Fertig nach %1 Schritten (%2 s); %3.</translation>
    </message>
    <message>
        <location filename="../ui/training_page.cpp" line="236" />
        <source>Resuming %1 from its last checkpoint.</source>
        <translation>Setze %1 ab dem letzten Checkpoint fort.</translation>
    </message>
</context>
</TS>
