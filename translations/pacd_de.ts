<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="45"/>
        <location filename="../ui/export/plot_export.cpp" line="90"/>
        <location filename="../ui/export/plot_export.cpp" line="153"/>
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="85"/>
        <source>Resolution %1 dpi is outside 10–2400 dpi</source>
        <translation>Auflösung %1 dpi liegt außerhalb von 10–2400 dpi</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="87"/>
        <source>Size %1 × %2 pixels is outside 16–20000 pixels</source>
        <translation>Größe %1 × %2 Pixel liegt außerhalb von 16–20000 Pixeln</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="108"/>
        <location filename="../ui/export/plot_export.cpp" line="156"/>
        <source>Cannot encode %1 as PNG</source>
        <translation>Kann %1 nicht als PNG kodieren</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="121"/>
        <source>Cannot start a PDF in %1</source>
        <translation>Kann in %1 kein PDF beginnen</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="151"/>
        <source>Nothing to save in %1: the image is empty</source>
        <translation>Nichts in %1 zu speichern: das Bild ist leer</translation>
    </message>
</context>
<context>
    <name>DefenderNames</name>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="6"/>
        <source>Spectral signatures</source>
        <translation>Spektrale Signaturen</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="7"/>
        <source>Activation clustering</source>
        <translation>Aktivierungs-Clustering</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="8"/>
        <source>Deep k-NN</source>
        <translation>Deep k-NN</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="13"/>
        <source>PACD</source>
        <translation>PACD</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="14"/>
        <source>watermark</source>
        <translation>Wasserzeichen</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="15"/>
        <source>random ±ε</source>
        <translation>zufällig ±ε</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="16"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="21"/>
        <source>Bit-depth reduction</source>
        <translation>Bittiefenreduktion</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="22"/>
        <source>JPEG re-encoding</source>
        <translation>JPEG-Neukodierung</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="23"/>
        <source>Median filter</source>
        <translation>Medianfilter</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="24"/>
        <source>Gaussian blur</source>
        <translation>Gaußsche Unschärfe</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="25"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="30"/>
        <source>bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="31"/>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="32"/>
        <source>kernel</source>
        <translation>Kern</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="33"/>
        <source>s.d. (px)</source>
        <translation>Std.-abw. (px)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/controls/input_guard.cpp" line="39"/>
        <location filename="../ui/controls/input_guard.cpp" line="43"/>
        <source>allowed: %1 to %2</source>
        <translation>erlaubt: %1 bis %2</translation>
    </message>
</context>
<context>
    <name>RunJob</name>
    <message>
        <location filename="../ui/engine/run_job.cpp" line="90"/>
        <source>Waiting for stage &apos;%1&apos;: another process is computing it in %2; its result is then reused</source>
        <translation>Warte auf Stufe „%1“: ein anderer Prozess berechnet sie in %2; ihr Ergebnis wird dann übernommen</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AcrBarsPlot</name>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="60"/>
        <source>ACR of the target class (mean ± s.d. over seeds)</source>
        <translation>ACR der Zielklasse (Mittelwert ± Std.-Abw. über Seeds)</translation>
    </message>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="66"/>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="59"/>
        <source>The poisoned bar&apos;s drop is the attack&apos;s effect</source>
        <translation>Der Abfall des vergifteten Balkens ist die Wirkung des Angriffs</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AdvancedPanel</name>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="214"/>
        <source>Training subset</source>
        <translation>Trainings-Teilmenge</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="215"/>
        <source>Stratified subset of the training split (0 = all). The paper trains on all 55,000 MNIST / 45,000 CIFAR-10 training points (App. E.1).</source>
        <translation>Stratifizierte Teilmenge der Trainingsdaten (0 = alle). Das Paper trainiert mit allen 55.000 MNIST- / 45.000 CIFAR-10-Trainingspunkten (Anh. E.1).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="217"/>
        <source>Attack epochs P</source>
        <translation>Angriffsepochen P</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="227"/>
        <source>Linear solver</source>
        <translation>Linearer Löser</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="228"/>
        <source>How ApproxGrad solves (∇²θθζ + ρI)q = ∇θξ: Adam on the residual as in the paper (Alg. 2, App. C.1), conjugate gradient, or the first-order shortcut q = ∇θξ.</source>
        <translation>Wie ApproxGrad (∇²θθζ + ρI)q = ∇θξ löst: Adam auf dem Residuum wie im Paper (Alg. 2, Anh. C.1), konjugierte Gradienten oder die Näherung erster Ordnung q = ∇θξ.</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="234"/>
        <source>Lower-level steps T1</source>
        <translation>Schritte der unteren Ebene T1</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="235"/>
        <source>Steps on the victim&apos;s weights per upper step (Alg. 2). Paper: T1 = 10; SmoothAdv T1 = 1 (App. E.3).</source>
        <translation>Schritte auf den Gewichten des Opfermodells pro oberem Schritt (Alg. 2). Paper: T1 = 10; SmoothAdv T1 = 1 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="236"/>
        <source>Linear-system steps T2</source>
        <translation>Schritte des linearen Systems T2</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="236"/>
        <source>Steps of the linear solve per upper step (Alg. 2). Paper: T2 = 10 (App. E.3).</source>
        <translation>Schritte der linearen Lösung pro oberem Schritt (Alg. 2). Paper: T2 = 10 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="246"/>
        <source>Upper-level noise samples</source>
        <translation>Rauschstichproben der oberen Ebene</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="247"/>
        <source>Noise samples of the soft smoothed classifier whose ACR is the upper-level objective (§3.2). Paper: 20 on MNIST (App. E.3).</source>
        <translation>Rauschstichproben des weichen geglätteten Klassifikators, dessen ACR das Ziel der oberen Ebene ist (§3.2). Paper: 20 bei MNIST (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="249"/>
        <source>Clean points per batch</source>
        <translation>Saubere Punkte pro Batch</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="250"/>
        <source>Clean points in each lower-level minibatch. Paper: MNIST 900 of 1,000, CIFAR-10 180 of 200 (App. E.3).</source>
        <translation>Saubere Punkte in jedem Minibatch der unteren Ebene. Paper: MNIST 900 von 1.000, CIFAR-10 180 von 200 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="251"/>
        <source>Poisons per batch</source>
        <translation>Vergiftete Punkte pro Batch</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="252"/>
        <source>Poisons in each lower-level minibatch. Paper: MNIST 100, CIFAR-10 20 (App. E.3).</source>
        <translation>Vergiftete Punkte in jedem Minibatch der unteren Ebene. Paper: MNIST 100, CIFAR-10 20 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="253"/>
        <source>Validation points per step</source>
        <translation>Validierungspunkte pro Schritt</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="254"/>
        <source>Target-class validation points of each upper step. Paper: MNIST 100, CIFAR-10 20 (App. E.1, E.3).</source>
        <translation>Validierungspunkte der Zielklasse in jedem oberen Schritt. Paper: MNIST 100, CIFAR-10 20 (Anh. E.1, E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="255"/>
        <source>Victims&apos; defense</source>
        <translation>Verteidigung der Opfermodelle</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="256"/>
        <source>How the victims are retrained; another defense than the attack&apos;s tests transfer (§4.5, Fig. 4).</source>
        <translation>Wie die Opfermodelle neu trainiert werden; eine andere Verteidigung als die des Angriffs prüft die Übertragbarkeit (§4.5, Abb. 4).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="257"/>
        <source>Attack model</source>
        <translation>Angriffsmodell</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="258"/>
        <source>Architecture of the attack&apos;s lower level. Paper: the MNIST CNN, ResNet-20 on CIFAR-10 (App. E.2).</source>
        <translation>Architektur der unteren Ebene des Angriffs. Paper: das MNIST-CNN, ResNet-20 bei CIFAR-10 (Anh. E.2).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="259"/>
        <source>Victim model</source>
        <translation>Opfermodell</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="260"/>
        <source>Architecture of the retrained victims; a deeper one tests transfer (App. D.4).</source>
        <translation>Architektur der neu trainierten Opfermodelle; eine tiefere prüft die Übertragbarkeit (Anh. D.4).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="261"/>
        <source>What is attacked</source>
        <translation>Angriffsziel</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="262"/>
        <source>class: every training point of the target class (§3.3); points: the points nearest single test points (App. D.6).</source>
        <translation>class: jeder Trainingspunkt der Zielklasse (§3.3); points: die Punkte, die einzelnen Testpunkten am nächsten liegen (Anh. D.6).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="263"/>
        <source>Target test points</source>
        <translation>Ziel-Testpunkte</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="263"/>
        <source>Points mode: test points attacked one at a time. Paper: 5 (App. D.6).</source>
        <translation>Punktmodus: einzeln angegriffene Testpunkte. Paper: 5 (Anh. D.6).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="264"/>
        <source>Poisons per point</source>
        <translation>Vergiftete Punkte pro Ziel</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="265"/>
        <source>Points mode: nearest target-class training points poisoned. Paper: 500, 1 % of the data (App. D.6).</source>
        <translation>Punktmodus: vergiftete nächstgelegene Trainingspunkte der Zielklasse. Paper: 500, 1 % der Daten (Anh. D.6).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="266"/>
        <source>Victims per data set</source>
        <translation>Opfermodelle pro Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="267"/>
        <source>Victims trained from scratch on clean, watermarked and poisoned data. Paper: five initialisations (§4).</source>
        <translation>Von Grund auf trainierte Opfermodelle auf sauberen, mit Wasserzeichen versehenen und vergifteten Daten. Paper: fünf Initialisierungen (§4).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="268"/>
        <source>Victim epochs</source>
        <translation>Epochen der Opfermodelle</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="268"/>
        <source>Epochs of victim training. Paper: 100 epochs, Adam, batch 200 (App. E.2).</source>
        <translation>Trainingsepochen der Opfermodelle. Paper: 100 Epochen, Adam, Batch 200 (Anh. E.2).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="269"/>
        <source>Victim learning rate</source>
        <translation>Lernrate der Opfermodelle</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="269"/>
        <source>Adam&apos;s learning rate for the victims. Paper: 0.001 (App. E.2).</source>
        <translation>Adams Lernrate für die Opfermodelle. Paper: 0,001 (Anh. E.2).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="270"/>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="270"/>
        <source>L2 penalty of the victims: 0, 1e-4, 1e-2 or 1e-1 in Table 7 (App. D.5).</source>
        <translation>L2-Strafterm der Opfermodelle: 0, 1e-4, 1e-2 oder 1e-1 in Tabelle 7 (Anh. D.5).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="271"/>
        <source>Watermark baseline</source>
        <translation>Wasserzeichen-Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="272"/>
        <source>Also train victims on watermarked data: another class&apos;s image at opacity 0.1, clipped to ε (App. E.3).</source>
        <translation>Zusätzlich Opfermodelle auf Daten mit Wasserzeichen trainieren: Bild einer anderen Klasse mit Deckkraft 0,1, auf ε begrenzt (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="273"/>
        <source>Measure PGD distortion</source>
        <translation>PGD-Verzerrung messen</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="274"/>
        <source>Also measure the smoothed victims&apos; empirical robustness: the ℓ2 distortion PGD needs (§4.6, Table 5).</source>
        <translation>Zusätzlich die empirische Robustheit der geglätteten Opfermodelle messen: die ℓ2-Verzerrung, die PGD benötigt (§4.6, Tabelle 5).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="275"/>
        <source>CERTIFY n0</source>
        <translation>CERTIFY n0</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="275"/>
        <source>Selection samples of Cohen et al.&apos;s CERTIFY. Paper: n0 = 100 (App. E.3).</source>
        <translation>Auswahlstichproben von CERTIFY (Cohen et al.). Paper: n0 = 100 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="276"/>
        <source>CERTIFY n</source>
        <translation>CERTIFY n</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="277"/>
        <source>Estimation samples of CERTIFY; with few, the certifiable radius is capped. Paper: n = 100,000 (App. E.3).</source>
        <translation>Schätzstichproben von CERTIFY; mit wenigen ist der zertifizierbare Radius begrenzt. Paper: n = 100.000 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="278"/>
        <source>CERTIFY α</source>
        <translation>CERTIFY α</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="278"/>
        <source>Failure probability of each certificate. Paper: α = 0.001 (App. E.3).</source>
        <translation>Fehlerwahrscheinlichkeit jedes Zertifikats. Paper: α = 0,001 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="279"/>
        <source>Certified test points</source>
        <translation>Zertifizierte Testpunkte</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="279"/>
        <source>Target-class test points certified per victim. Paper: 500 (App. E.1).</source>
        <translation>Pro Opfermodell zertifizierte Testpunkte der Zielklasse. Paper: 500 (Anh. E.1).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="293"/>
        <location filename="../ui/controls/advanced_panel.cpp" line="295"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="217"/>
        <source>Epochs of Alg. 1 (see Epoch over). Paper: P = 50 (App. E.3).</source>
        <translation>Epochen von Alg. 1 (siehe Epoche über). Paper: P = 50 (Anh. E.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="218"/>
        <source>Epoch over</source>
        <translation>Epoche über</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="219"/>
        <source>What one attack epoch passes over: poisons (⌈poisons / poison batch⌉ upper steps) or clean-data (at least ⌈clean points / clean batch⌉ steps, the poisons cycled, as the authors count). Default: clean-data in points mode (App. D.6: 500 poisons are 25 steps a pass but ~250 an epoch over CIFAR-10), poisons in class mode, where the two agree to within a few per cent.</source>
        <translation>Worüber eine Angriffsepoche läuft: poisons (⌈Gifte / Giftbatch⌉ obere Schritte) oder clean-data (mindestens ⌈saubere Punkte / sauberer Batch⌉ Schritte, die Gifte im Kreis, wie die Autoren zählen). Standard: clean-data im Punktmodus (Anh. D.6), poisons im Klassenmodus, wo beide bis auf wenige Prozent übereinstimmen.</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="223"/>
        <source>Upper objective</source>
        <translation>Ziel der oberen Ebene</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="224"/>
        <source>What the attack makes worse on the target class: soft-acr, the soft smoothed classifier&apos;s certified radius (PACD, §3.2), or cross-entropy, the base classifier&apos;s loss, maximised (standard bilevel poisoning, App. D.1 Eq. 4: Table 1). Default: cross-entropy when the attack&apos;s lower level is standard training, else soft-acr.</source>
        <translation>Was der Angriff auf der Zielklasse verschlechtert: soft-acr, den zertifizierten Radius des weichen geglätteten Klassifikators (PACD, §3.2), oder cross-entropy, den Verlust des Basisklassifikators, maximiert (Standard-Bilevel-Vergiftung, Anh. D.1 Gl. 4: Tabelle 1). Standard: cross-entropy, wenn die untere Ebene Standardtraining ist, sonst soft-acr.</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="230"/>
        <source>Hessian products</source>
        <translation>Hesse-Produkte</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="231"/>
        <source>How the approxgrad and cg solvers multiply by ∇²θθζ: autograd&apos;s double backward (exact), or central differences of two gradients at θ ± h·v (no second-order graph; exact on quadratics, approximate on ReLU networks).</source>
        <translation>Wie die Löser approxgrad und cg mit ∇²θθζ multiplizieren: doppelte Rückwärtsrechnung von Autograd (exakt) oder zentrale Differenzen zweier Gradienten bei θ ± h·v (kein Graph zweiter Ordnung; exakt auf Quadriken, genähert auf ReLU-Netzen).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="237"/>
        <source>Linear-solve rate β</source>
        <translation>Lernrate β des linearen Systems</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="238"/>
        <source>Adam&apos;s learning rate of the approxgrad solver&apos;s q-solve. Alg. 2: 0.001 (App. E.3 prints 0.01, which diverges on the MNIST CNN).</source>
        <translation>Adams Lernrate für das q-System des approxgrad-Lösers. Alg. 2: 0,001 (Anh. E.3 nennt 0,01, was beim MNIST-CNN divergiert).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="243"/>
        <source>Poison step</source>
        <translation>Schritt der Gifte</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="244"/>
        <source>How the poisons follow the hypergradient: adam (per-poison Adam, the authors&apos; code) or sign (ε/10 per step).</source>
        <translation>Wie die Gifte dem Hypergradienten folgen: adam (Adam je Gift, der Code der Autoren) oder sign (ε/10 je Schritt).</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="245"/>
        <source>Poison learning rate</source>
        <translation>Lernrate der Gifte</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="245"/>
        <source>Adam&apos;s learning rate on the poisons. The authors&apos; code: 0.1.</source>
        <translation>Adams Lernrate auf den Giften. Der Code der Autoren: 0,1.</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="280"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="281"/>
        <source>Arithmetic of the attack&apos;s lower level, of training and of certification. fp32 is the exact reference; bf16 runs convolutions and linear layers in bfloat16 (AMX, AVX512-BF16, tensor cores), faster, and certifies the smoothed classifier of the bf16 model; auto (the default) picks bf16 where the device has native bf16 units.</source>
        <translation>Arithmetik der unteren Ebene des Angriffs, des Trainings und der Zertifizierung. fp32 ist die exakte Referenz; bf16 rechnet Faltungen und lineare Schichten in bf16 (Autocast); auto wählt bf16, wo das Gerät native bf16-Einheiten hat.</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="240"/>
        <source>Damping ρ</source>
        <translation>Dämpfung ρ</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="241"/>
        <source>ρ of (∇²θθζ + ρI)q = ∇θξ. App. E.3: 0.001. The cg solver needs about 10 on the MNIST CNN, whose Hessian is indefinite.</source>
        <translation>ρ in (∇²θθζ + ρI)q = ∇θξ. Anh. E.3: 0,001. Der CG-Löser braucht beim MNIST-CNN, dessen Hesse-Matrix indefinit ist, etwa 10.</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AttackPlot</name>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="51"/>
        <source>Attack (Alg. 1)</source>
        <translation>Angriff (Alg. 1)</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="52"/>
        <source>upper step</source>
        <translation>oberer Schritt</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="59"/>
        <source>soft ACR of the target class</source>
        <translation>weiche ACR der Zielklasse</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="53"/>
        <location filename="../ui/plots/attack_plot.cpp" line="63"/>
        <source>lower-level loss</source>
        <translation>Verlust der unteren Ebene</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="60"/>
        <source>soft ACR per step</source>
        <translation>weiche ACR pro Schritt</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="61"/>
        <source>soft ACR, mean of 20 steps</source>
        <translation>weiche ACR, Mittel über 20 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="55"/>
        <source>target-class cross-entropy (Eq. 4)</source>
        <translation>Kreuzentropie der Zielklasse (Gl. 4)</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="56"/>
        <source>cross-entropy per step</source>
        <translation>Kreuzentropie pro Schritt</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="57"/>
        <source>cross-entropy, mean of 20 steps</source>
        <translation>Kreuzentropie, Mittel über 20 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="65"/>
        <source>The attack raises the target class&apos;s validation loss; the victims retrained on the poisons show the effect</source>
        <translation>Der Angriff erhöht den Validierungsverlust der Zielklasse; die auf den Giftdaten neu trainierten Opfer zeigen die Wirkung</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="67"/>
        <source>Soft ACR may rise at first: the lower level is still learning.
The drop shows in the victims retrained on the poisons (ACR bars).</source>
        <translation>Der weiche ACR kann anfangs steigen: die untere Ebene lernt noch.
Der Abfall zeigt sich bei den auf den Giftdaten neu trainierten Opfern (ACR-Balken).</translation>
    </message>
</context>
<context>
    <name>pacd::ui::CertifiedAccuracyPlot</name>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="125"/>
        <source>Certified accuracy</source>
        <translation>Zertifizierte Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="126"/>
        <source>ℓ2 radius</source>
        <translation>ℓ2-Radius</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="127"/>
        <source>certified accuracy</source>
        <translation>zertifizierte Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="128"/>
        <source>Share of test points certified at ≥ this radius · colour = data, dash = seed</source>
        <translation>Anteil der Testpunkte, zertifiziert mit Radius ≥ diesem · Farbe = Daten, Strichart = Seed</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="132"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DatasetExportDialog</name>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="36"/>
        <source>Export poisoned training set</source>
        <translation>Vergifteten Trainingsdatensatz exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="38"/>
        <source>poison-set manifest (.json)</source>
        <translation>Manifest des Giftdatensatzes (.json)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="39"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="46"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="42"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="68"/>
        <source>Poison set</source>
        <translation>Giftdatensatz</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="42"/>
        <source>Poison-set manifest (*.json)</source>
        <translation>Manifest des Giftdatensatzes (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="48"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="69"/>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="52"/>
        <source>IDX, 8-bit (what other tools read; pixels rounded)</source>
        <translation>IDX, 8 Bit (für andere Werkzeuge; Pixel gerundet)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="53"/>
        <source>IDX, float32 (exact poisons)</source>
        <translation>IDX, float32 (exakte Gifte)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="54"/>
        <source>PNG class folders (8-bit)</source>
        <translation>PNG-Klassenordner (8 Bit)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="57"/>
        <source>whole training part</source>
        <translation>gesamter Trainingsteil</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="58"/>
        <source>The stratified subset the poisons were made on (the attack&apos;s --subset)</source>
        <translation>Die geschichtete Teilmenge, auf der die Gifte erzeugt wurden (--subset des Angriffs)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="61"/>
        <source>Seed of the train/validation split and the subset (the attack&apos;s --split-seed)</source>
        <translation>Seed der Trainings-/Validierungsaufteilung und der Teilmenge (--split-seed des Angriffs)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="62"/>
        <source>Only the poisoned images</source>
        <translation>Nur die vergifteten Bilder</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="70"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="71"/>
        <source>Subset</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="72"/>
        <source>Split seed</source>
        <translation>Aufteilungs-Seed</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="76"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="112"/>
        <source>Choose a poison set and an output folder.</source>
        <translation>Wählen Sie einen Giftdatensatz und einen Zielordner.</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="116"/>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="131"/>
        <source>Wrote %1 images (%2 poisons of class %3) to %4.</source>
        <translation>%1 Bilder (%2 Gifte der Klasse %3) nach %4 geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="136"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DatasetFetcher</name>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="24"/>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="46"/>
        <source>Cannot fetch %1</source>
        <translation>%1 kann nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="25"/>
        <source>pacd-cli was not found next to pacd-studio (%1). Run: pacd-cli fetch %2</source>
        <translation>pacd-cli wurde nicht neben pacd-studio gefunden (%1). Ausführen: pacd-cli fetch %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="43"/>
        <source>%1 is installed</source>
        <translation>%1 ist installiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="47"/>
        <source>The download did not complete (are you online?). Offline, download cifar-10-binary.tar.gz elsewhere and run: pacd-cli fetch cifar10 --from FILE. The log has the details.</source>
        <translation>Der Download wurde nicht abgeschlossen (besteht eine Verbindung?). Offline cifar-10-binary.tar.gz anderswo herunterladen und ausführen: pacd-cli fetch cifar10 --from DATEI. Details stehen im Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="50"/>
        <source>fetching %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DefenderView</name>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="172"/>
        <source>Loading the run&apos;s detector scores and training images…</source>
        <translation>Lade die Detektor-Scores und Trainingsbilder des Laufs …</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="173"/>
        <source>The run shown has no defender stages (no detection and no sanitiser), so there is nothing to show here.

Run the defender-mnist preset (pacd-cli run --preset defender-mnist --scale demo) and open one of its rows with File ▸ Open results store…: the detectors&apos; ROC curves, the training images they find most suspicious and a sanitiser&apos;s effect on the poisons appear here.</source>
        <translation>Der gezeigte Lauf hat keine Verteidigungsstufen (keine Erkennung und keinen Bereiniger), daher gibt es hier nichts zu zeigen.

Starten Sie das Preset defender-mnist (pacd-cli run --preset defender-mnist --scale demo) und öffnen Sie eine seiner Zeilen mit Datei ▸ Ergebnisspeicher öffnen …: Hier erscheinen die ROC-Kurven der Detektoren, die Trainingsbilder, die sie am verdächtigsten finden, und die Wirkung eines Bereinigers auf die Gifte.</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="177"/>
        <source>Most suspicious training images</source>
        <translation>Verdächtigste Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="179"/>
        <source>with %1 poisons</source>
        <translation>mit %1-Giften</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="181"/>
        <source>per detector, highest score first (the score under each); red frame: a poison</source>
        <translation>je Detektor, höchster Score zuerst (der Score unter jedem Bild); roter Rahmen: ein Gift</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="182"/>
        <source>This run has no detection stage: open the &apos;no defense&apos; or a &apos;filter&apos; row of its preset.</source>
        <translation>Dieser Lauf hat keine Erkennungsstufe: Öffnen Sie die Zeile »no defense« oder eine »filter«-Zeile seines Presets.</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="184"/>
        <source>ROC: the target class&apos;s poisons against its clean points, ranked by the detector&apos;s score (dashed: chance). TPR@5%: the share of poisons flagged when 5 % of the clean points are.</source>
        <translation>ROC: die Gifte der Zielklasse gegen ihre sauberen Punkte, geordnet nach dem Score des Detektors (gestrichelt: Zufall). TPR@5%: der Anteil erkannter Gifte, wenn 5 % der sauberen Punkte markiert sind.</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="186"/>
        <source>A sanitiser on one PACD poison</source>
        <translation>Ein Bereiniger auf einem PACD-Gift</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="194"/>
        <source>Run %1 «%2»</source>
        <translation>Lauf %1 »%2«</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="199"/>
        <source>: %1 target-class training points scored per victim (seed %2), %3 of them poisons; a filter removes the %4 highest-scored.</source>
        <translation>: %1 Trainingspunkte der Zielklasse je Opfer bewertet (Seed %2), davon %3 Gifte; ein Filter entfernt die %4 mit dem höchsten Score.</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="206"/>
        <source>: no detection stage.</source>
        <translation>: keine Erkennungsstufe.</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="209"/>
        <source>Its victims trained on sanitised images (%1 %2).</source>
        <translation>Seine Opfer wurden auf bereinigten Bildern trainiert (%1 %2).</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="213"/>
        <source>Its victims retrained without the points %1 scored highest.</source>
        <translation>Seine Opfer wurden ohne die Punkte neu trainiert, die %1 am höchsten bewertete.</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DefenseAcrPlot</name>
    <message>
        <location filename="../ui/defender/defense_acr_plot.cpp" line="53"/>
        <source>▸ %1</source>
        <translation>▸ %1</translation>
    </message>
    <message>
        <location filename="../ui/defender/defense_acr_plot.cpp" line="105"/>
        <source>ACR of the target class per defense</source>
        <translation>ACR der Zielklasse je Verteidigung</translation>
    </message>
    <message>
        <location filename="../ui/defender/defense_acr_plot.cpp" line="106"/>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
</context>
<context>
    <name>pacd::ui::EpsilonControl</name>
    <message>
        <location filename="../ui/controls/epsilon_control.cpp" line="63"/>
        <source>ℓ∞ budget of each poison&apos;s perturbation on images in [0, 1] (§3.3; paper: MNIST 0.1, CIFAR-10 0.03, App. E.3). The label gives it in 8-bit pixel levels.</source>
        <translation>ℓ∞-Budget der Störung jedes vergifteten Bildes mit Werten in [0, 1] (§3.3; Paper: MNIST 0,1, CIFAR-10 0,03, Anh. E.3). Die Beschriftung gibt es in 8-Bit-Pixelstufen an.</translation>
    </message>
    <message>
        <location filename="../ui/controls/epsilon_control.cpp" line="71"/>
        <source>≈ %1 / 255</source>
        <translation>≈ %1 / 255</translation>
    </message>
    <message>
        <location filename="../ui/controls/epsilon_control.cpp" line="72"/>
        <source>ε in pixel levels: each pixel moves by at most this many of 255 levels</source>
        <translation>ε in Pixelstufen: Jedes Pixel ändert sich um höchstens so viele von 255 Stufen</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ExperimentForm</name>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="270"/>
        <source>%1 (not downloaded)</source>
        <translation>%1 (nicht heruntergeladen)</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="208"/>
        <source>The data set %1 is not in the data directory %2. Get it with: %3</source>
        <translation>Der Datensatz %1 ist nicht im Datenverzeichnis %2. Beschaffen mit: %3</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="215"/>
        <source>This experiment cannot run: %1</source>
        <translation>Dieses Experiment kann nicht laufen: %1</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="232"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="233"/>
        <source>Target class</source>
        <translation>Zielklasse</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="234"/>
        <source>Defense</source>
        <translation>Verteidigung</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="235"/>
        <source>Noise σ</source>
        <translation>Rauschen σ</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="236"/>
        <source>Budget ε</source>
        <translation>Budget ε</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="237"/>
        <source>Scale</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="238"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="239"/>
        <source>Fetch CIFAR-10</source>
        <translation>CIFAR-10 laden</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="240"/>
        <source>Download CIFAR-10 (163 MB, MD5 verified) into the data directory; needs a network connection.</source>
        <translation>CIFAR-10 (163 MB, MD5-geprüft) ins Datenverzeichnis herunterladen; benötigt eine Netzwerkverbindung.</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="241"/>
        <source>Data sets in the data directory; MNIST and Fashion-MNIST come with bootstrap.sh.</source>
        <translation>Datensätze im Datenverzeichnis; MNIST und Fashion-MNIST installiert bootstrap.sh.</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="242"/>
        <source>The class whose certified radius the attack shrinks; its training points are poisoned (§3.3). Paper: MNIST 8, CIFAR-10 ship.</source>
        <translation>Die Klasse, deren zertifizierten Radius der Angriff verkleinert; ihre Trainingspunkte werden vergiftet (§3.3). Paper: MNIST 8, CIFAR-10 Schiff.</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="290"/>
        <source>Gaussian augmentation (GA)</source>
        <translation>Gaußsche Augmentierung (GA)</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="292"/>
        <source>MACER</source>
        <translation>MACER</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="294"/>
        <source>SmoothAdv</source>
        <translation>SmoothAdv</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="248"/>
        <source>The certified defense the attack targets and the victims use: GA (§4.1), MACER (§4.2), SmoothAdv (§4.3).</source>
        <translation>Die zertifizierte Verteidigung, die der Angriff anvisiert und die Opfermodelle nutzen: GA (§4.1), MACER (§4.2), SmoothAdv (§4.3).</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="249"/>
        <source>Standard deviation of the smoothing noise, for the attack, the victims and certification. Paper: 0.25 and 0.5 (Tables 2-4).</source>
        <translation>Standardabweichung des Glättungsrauschens für Angriff, Opfermodelle und Zertifizierung. Paper: 0,25 und 0,5 (Tabellen 2–4).</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="251"/>
        <source>demo (minutes on a laptop CPU)</source>
        <translation>Demo (Minuten auf einer Laptop-CPU)</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="252"/>
        <source>paper (hours on a GPU)</source>
        <translation>Paper (Stunden auf einer GPU)</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="253"/>
        <source>Picks the defaults: demo shrinks data, epochs and samples to run in minutes on 2 CPU cores; paper uses App. E.3&apos;s settings.</source>
        <translation>Wählt die Standardwerte: Demo verkleinert Daten, Epochen und Stichproben für Minuten auf 2 CPU-Kernen; Paper nutzt die Einstellungen aus Anh. E.3.</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="255"/>
        <source>optional, shown in tables</source>
        <translation>optional, in Tabellen angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="256"/>
        <source>Advanced hyper-parameters</source>
        <translation>Erweiterte Hyperparameter</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="257"/>
        <source>Changing the data set, defense or scale reloads their defaults.</source>
        <translation>Ein Wechsel von Datensatz, Verteidigung oder Umfang lädt deren Standardwerte neu.</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="284"/>
        <source>two Gaussians (toy)</source>
        <translation>zwei Gauß-Verteilungen (Spielzeug)</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="298"/>
        <source>standard training</source>
        <translation>Standardtraining</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="307"/>
        <source>%1, target class %2, %3, σ = %4, ε = %5</source>
        <translation>%1, Zielklasse %2, %3, σ = %4, ε = %5</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ExportController</name>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="38"/>
        <source>Cannot create the folder %1</source>
        <translation>Kann den Ordner %1 nicht anlegen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="55"/>
        <source>There are no results yet: run an experiment or open one first.</source>
        <translation>Noch keine Ergebnisse: führen Sie zuerst ein Experiment aus oder öffnen Sie eines.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="61"/>
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="69"/>
        <source>The image inspector is empty: start a run to see the poisons.</source>
        <translation>Der Bildinspektor ist leer: starten Sie einen Lauf, um die Gifte zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="76"/>
        <source>Folder for the figures</source>
        <translation>Ordner für die Abbildungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="80"/>
        <location filename="../ui/main_window/export_controller.cpp" line="90"/>
        <location filename="../ui/main_window/export_controller.cpp" line="98"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="81"/>
        <source>Figures written</source>
        <translation>Abbildungen geschrieben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/export_controller.cpp" line="82"/>
        <source>%n file(s) in %1 (16 × 10 cm, 300 dpi).</source>
        <translation>
            <numerusform>%n Datei in %1 (16 × 10 cm, 300 dpi).</numerusform>
            <numerusform>%n Dateien in %1 (16 × 10 cm, 300 dpi).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="87"/>
        <source>Image grid</source>
        <translation>Bildraster</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="87"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="95"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="95"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ImageInspector</name>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="146"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="147"/>
        <source>δ × </source>
        <translation>δ × </translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="149"/>
        <source>Amplification of the perturbation in the δ column; &quot;auto&quot; maps ±ε to the ends of the colour map</source>
        <translation>Verstärkung der Störung in der δ-Spalte; „auto“ bildet ±ε auf die Enden der Farbskala ab</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="150"/>
        <source>Colour of the amplified perturbation: blue negative, white zero, red positive</source>
        <translation>Farbe der verstärkten Störung: blau negativ, weiß null, rot positiv</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="151"/>
        <source>Blend the poisoned column from the clean image (0 %) to the poison (100 %)</source>
        <translation>Überblendet die vergiftete Spalte vom sauberen Bild (0 %) zum Gift (100 %)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="227"/>
        <source>Clean → poisoned: %1 %</source>
        <translation>Sauber → vergiftet: %1 %</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="153"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="154"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="155"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="156"/>
        <source>L∞ · L2 · PSNR · SSIM</source>
        <translation>L∞ · L2 · PSNR · SSIM</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="157"/>
        <source>No poisons yet: they appear here while an attack runs.</source>
        <translation>Noch keine Gifte: sie erscheinen hier, während ein Angriff läuft.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="248"/>
        <source>δ × %1 (ε = %2)</source>
        <translation>δ × %1 (ε = %2)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="249"/>
        <source>δ × %1</source>
        <translation>δ × %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Clean image #%1</source>
        <translation>Sauberes Bild #%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Poisoned image #%1</source>
        <translation>Vergiftetes Bild #%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Perturbation of image #%1</source>
        <translation>Störung von Bild #%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="381"/>
        <source>L∞ %1 · L2 %2 · PSNR %3 dB · SSIM %4</source>
        <translation>L∞ %1 · L2 %2 · PSNR %3 dB · SSIM %4</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="426"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="433"/>
        <source>L∞ %1
L2 %2
PSNR %3 dB
SSIM %4</source>
        <translation>L∞ %1
L2 %2
PSNR %3 dB
SSIM %4</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="458"/>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="459"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="158"/>
        <source>Filter: index, e.g. 17 or 100-200</source>
        <translation>Filter: Index, z. B. 17 oder 100-200</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="159"/>
        <source>Show only these training-image indices: single numbers and ranges, separated by commas</source>
        <translation>Nur diese Trainingsbild-Indizes zeigen: einzelne Zahlen und Bereiche, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="160"/>
        <source>by index</source>
        <translation>nach Index</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="161"/>
        <source>largest L2 first</source>
        <translation>größte L2 zuerst</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="162"/>
        <source>lowest SSIM first</source>
        <translation>niedrigste SSIM zuerst</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="163"/>
        <source>Order of the poisons: the most visible perturbations first, or by image index</source>
        <translation>Reihenfolge der Gifte: die sichtbarsten Störungen zuerst oder nach Bildindex</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="164"/>
        <source>Scroll through all poisons, %1 at a time</source>
        <translation>Durch alle Gifte blättern, %1 auf einmal</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="174"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="177"/>
        <source>Showing %1 of %2 matching poisons (%3 in all) — scroll or filter</source>
        <translation>Zeige %1 von %2 passenden Giften (%3 insgesamt) — blättern oder filtern</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="180"/>
        <source>Showing %1 of %2 poisons (%3 received so far) — scroll or filter</source>
        <translation>Zeige %1 von %2 Giften (%3 bisher erhalten) — blättern oder filtern</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="182"/>
        <source>Showing %1 of %2 poisons — scroll or filter</source>
        <translation>Zeige %1 von %2 Giften — blättern oder filtern</translation>
    </message>
</context>
<context>
    <name>pacd::ui::InputGuard</name>
    <message>
        <location filename="../ui/controls/input_guard.cpp" line="74"/>
        <source>“%1” is not accepted here (%2)</source>
        <translation>„%1“ ist hier nicht zulässig (%2)</translation>
    </message>
</context>
<context>
    <name>pacd::ui::LivePlot</name>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="311"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="312"/>
        <source>watermarked</source>
        <translation>mit Wasserzeichen</translation>
    </message>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="313"/>
        <source>poisoned</source>
        <translation>vergiftet</translation>
    </message>
</context>
<context>
    <name>pacd::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="155"/>
        <source>stage %1 of %2: %3 (reusing its stored result)</source>
        <translation>Stufe %1 von %2: %3 (gespeichertes Ergebnis wird wiederverwendet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="156"/>
        <source>stage %1 of %2: %3</source>
        <translation>Stufe %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="183"/>
        <source>victim %1 seed %2: ACR %3, ACA %4</source>
        <translation>Opfermodell %1 Seed %2: ACR %3, ACA %4</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="200"/>
        <source>paused; Resume continues from the last checkpoint</source>
        <translation>pausiert; Fortsetzen macht am letzten Checkpoint weiter</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="202"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="207"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="209"/>
        <source>The run stopped</source>
        <translation>Der Lauf wurde angehalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="210"/>
        <source>The experiment could not run:

%1

Change the setting it names and start again.</source>
        <translation>Das Experiment konnte nicht laufen:

%1

Ändern Sie die genannte Einstellung und starten Sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="219"/>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="233"/>
        <source>starting: %1 target %2, %3, σ = %4, ε = %5 (%6 scale)</source>
        <translation>Start: %1 Ziel %2, %3, σ = %4, ε = %5 (Umfang %6)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/main_window.cpp" line="253"/>
        <source>%1: ACR %2 ± %3, ACA %4 ± %5 (%n victim(s))</source>
        <translation>
            <numerusform>%1: ACR %2 ± %3, ACA %4 ± %5 (%n Opfermodell)</numerusform>
            <numerusform>%1: ACR %2 ± %3, ACA %4 ± %5 (%n Opfermodelle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="263"/>
        <source>The poisoned victims&apos; ACR is %1 % below the clean victims&apos;.</source>
        <translation>Die ACR der vergifteten Opfermodelle liegt %1 % unter der der sauberen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="300"/>
        <source>the run&apos;s spec cannot be shown: %1</source>
        <translation>die Spezifikation des Laufs kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="342"/>
        <source>showing run %1 (%2)</source>
        <translation>Lauf %1 wird angezeigt (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="407"/>
        <source>opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="410"/>
        <source>Cannot open the experiment</source>
        <translation>Experiment kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="422"/>
        <source>saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="425"/>
        <source>Cannot save the experiment</source>
        <translation>Experiment kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="527"/>
        <source>pacd-studio — poisoning certified defenses</source>
        <translation>pacd-studio — Vergiftung zertifizierter Verteidigungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="528"/>
        <source>Plots</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="529"/>
        <source>Image inspector</source>
        <translation>Bildinspektor</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="530"/>
        <source>Toy playground</source>
        <translation>Spielwiese</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="531"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="533"/>
        <source>Defender</source>
        <translation>Verteidiger</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="536"/>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="268"/>
        <source>ACR %1 → %2 (%3 %)</source>
        <translation>ACR %1 → %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="478"/>
        <source>No font for this language</source>
        <translation>Keine Schrift für diese Sprache</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="479"/>
        <source>No installed font covers this language&apos;s script, so its text will show as empty boxes. Install a font for it (Debian: sudo apt install fonts-wqy-microhei, or fonts-noto-cjk) and restart pacd-studio.</source>
        <translation>Keine installierte Schrift deckt die Schrift dieser Sprache ab, ihr Text erscheint daher als leere Kästchen. Installieren Sie eine passende Schrift (Debian: sudo apt install fonts-wqy-microhei oder fonts-noto-cjk) und starten Sie pacd-studio neu.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="532"/>
        <source>Test image</source>
        <translation>Testbild</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="197"/>
        <source>replay finished after %1 s</source>
        <translation>Wiedergabe nach %1 s beendet</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="291"/>
        <source>A run is going</source>
        <translation>Ein Lauf ist im Gange</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="292"/>
        <source>Stored runs can be shown when the current run has finished, been paused or cancelled.</source>
        <translation>Gespeicherte Läufe können gezeigt werden, wenn der aktuelle Lauf beendet, pausiert oder abgebrochen ist.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="316"/>
        <source>the run&apos;s event log cannot be read: %1</source>
        <translation>das Ereignisprotokoll des Laufs ist nicht lesbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="335"/>
        <source>the run&apos;s poisons cannot be shown: %1</source>
        <translation>die Giftdaten des Laufs können nicht gezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="354"/>
        <source>replaying run %1 at ×%2</source>
        <translation>Lauf %1 wird mit ×%2 wiedergegeben</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="370"/>
        <source>Cannot open the results store</source>
        <translation>Ergebnisdatenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="370"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="374"/>
        <source>results store: %1</source>
        <translation>Ergebnisdatenbank: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="380"/>
        <location filename="../ui/main_window/main_window.cpp" line="390"/>
        <source>Cannot open the run</source>
        <translation>Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="391"/>
        <source>Run %1 of %2: %3</source>
        <translation>Lauf %1 aus %2: %3</translation>
    </message>
</context>
<context>
    <name>pacd::ui::PlotExportDialog</name>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="23"/>
        <location filename="../ui/export/plot_export_dialog.cpp" line="119"/>
        <location filename="../ui/export/plot_export_dialog.cpp" line="149"/>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="25"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="32"/>
        <source>PNG (raster)</source>
        <translation>PNG (Raster)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="33"/>
        <source>PDF (vector)</source>
        <translation>PDF (Vektor)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="34"/>
        <source>SVG (vector)</source>
        <translation>SVG (Vektor)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="50"/>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="51"/>
        <source>centimetres</source>
        <translation>Zentimeter</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="61"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="72"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="73"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="74"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="75"/>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="120"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="140"/>
        <source>%1 × %2 pixels, %3 × %4 cm</source>
        <translation>%1 × %2 Pixel, %3 × %4 cm</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RadiusCapMarker</name>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="90"/>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="94"/>
        <source>⚠ most points at the cap (n = %1):
%2</source>
        <translation>⚠ die meisten Punkte an der Grenze (n = %1):
%2</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="109"/>
        <source>cap %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="17"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="18"/>
        <source>watermarked</source>
        <translation>mit Wasserzeichen</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="19"/>
        <source>poisoned</source>
        <translation>vergiftet</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RadiusHistogramPlot</name>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="81"/>
        <source>Certified radii of the target class</source>
        <translation>Zertifizierte Radien der Zielklasse</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="84"/>
        <source>ℓ2 radius</source>
        <translation>ℓ2-Radius</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="85"/>
        <source>fraction of points</source>
        <translation>Anteil der Punkte</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="82"/>
        <source>Seeds pooled · 0 = wrong or abstained · dashed line = cap</source>
        <translation>Seeds zusammengefasst · 0 = falsch oder enthalten · gestrichelt = Grenze</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ReplayBanner</name>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="83"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="83"/>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="85"/>
        <source>Replays the run as it was recorded, at the chosen speed, through the same live plots (pauses longer than %1 s are shortened)</source>
        <translation>Gibt den Lauf wie aufgezeichnet mit der gewählten Geschwindigkeit in denselben Live-Diagrammen wieder (Pausen über %1 s werden gekürzt)</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="88"/>
        <source>This run has no event log (recorded before replays existed, or all of its stages were reused): it can be shown, not replayed</source>
        <translation>Dieser Lauf hat kein Ereignisprotokoll (vor der Wiedergabefunktion aufgezeichnet, oder alle Stufen wurden übernommen): er kann gezeigt, nicht wiedergegeben werden</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="90"/>
        <source>Replay speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="91"/>
        <source>Close the banner (the plots keep the run)</source>
        <translation>Banner schließen (die Diagramme behalten den Lauf)</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="100"/>
        <source>recorded run</source>
        <translation>aufgezeichneter Lauf</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="103"/>
        <source>replay ×%1</source>
        <translation>Wiedergabe ×%1</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="106"/>
        <source>replayed ×%1 in %2 s</source>
        <translation>wiedergegeben ×%1 in %2 s</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="110"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — run #%2 of %3 · &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Lauf #%2 vom %3 · &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ResultCard</name>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="69"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="69"/>
        <source>ACR and ACA of the clean, watermarked and poisoned victims appear here as each victim is certified.</source>
        <translation>ACR und ACA der sauberen, mit Wasserzeichen versehenen und vergifteten Opfer erscheinen hier, sobald jedes Opfer zertifiziert ist.</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="99"/>
        <source>Result: ACR %1</source>
        <translation>Ergebnis: ACR %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="100"/>
        <source>seeds %1</source>
        <translation>Seeds %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="100"/>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="100"/>
        <source>ACA</source>
        <translation>ACA</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="101"/>
        <source>mean ± s.d. over seeds; change relative to the clean victims</source>
        <translation>Mittelwert ± Std.-Abw. über Seeds; Änderung relativ zu den sauberen Opfern</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="20"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="21"/>
        <source>watermarked</source>
        <translation>mit Wasserzeichen</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="22"/>
        <source>poisoned</source>
        <translation>vergiftet</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ResultsBrowser</name>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="55"/>
        <source>No results store yet at %1: runs are stored there when they finish.</source>
        <translation>Noch kein Ergebnisspeicher unter %1: Läufe werden dort nach ihrem Ende gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/session/results_browser.cpp" line="75"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="77"/>
        <source>Cannot read the results store: %1</source>
        <translation>Der Ergebnisspeicher kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="94"/>
        <source>Past runs</source>
        <translation>Frühere Läufe</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>ACR clean</source>
        <translation>ACR sauber</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>ACR poisoned</source>
        <translation>ACR vergiftet</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RocPlot</name>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="66"/>
        <source>%1: AUC %2, TPR@5% %3 %</source>
        <translation>%1: AUC %2, TPR@5% %3 %</translation>
    </message>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="85"/>
        <source>false-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="86"/>
        <source>true-positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RunPanel</name>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="64"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="65"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="66"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="141"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="143"/>
        <source>Poison the target class, retrain victims on clean, watermarked and poisoned data, and certify them.</source>
        <translation>Die Zielklasse vergiften, Opfermodelle auf sauberen, mit Wasserzeichen versehenen und vergifteten Daten neu trainieren und zertifizieren.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="144"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="144"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="145"/>
        <source>Pausing stops after the next checkpoint; resuming continues from it with the same results.</source>
        <translation>Pausieren hält nach dem nächsten Checkpoint an; Fortsetzen macht dort mit denselben Ergebnissen weiter.</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="146"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="151"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="154"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="157"/>
        <source>pausing after the next checkpoint…</source>
        <translation>pausiert nach dem nächsten Checkpoint…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="160"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="163"/>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="170"/>
        <source>Stage %1 of %2: %3 (%4)</source>
        <translation>Stufe %1 von %2: %3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="172"/>
        <source>Stage: %1 (%2)</source>
        <translation>Stufe: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="173"/>
        <location filename="../ui/main_window/run_panel.cpp" line="175"/>
        <source>ETA %1</source>
        <translation>Rest %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="174"/>
        <source>Whole run: %1 elapsed</source>
        <translation>Gesamter Lauf: %1 vergangen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="180"/>
        <source>Last run finished in %1%2</source>
        <translation>Letzter Lauf fertig in %1%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="183"/>
        <source>Last run cancelled in stage %1 of %2 after %3; Start resumes it from its last checkpoint</source>
        <translation>Letzter Lauf abgebrochen in Stufe %1 von %2 nach %3; Starten setzt ihn am letzten Sicherungspunkt fort</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="189"/>
        <source>Last run failed in stage %1 of %2 after %3%4</source>
        <translation>Letzter Lauf gescheitert in Stufe %1 von %2 nach %3%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="198"/>
        <source>Estimated duration of this run: %1 (cost model, 2-core CPU)</source>
        <translation>Geschätzte Dauer dieses Laufs: %1 (Kostenmodell, CPU mit 2 Kernen)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="166"/>
        <source>replay of a recorded run; Cancel stops it</source>
        <translation>Wiedergabe eines aufgezeichneten Laufs; Abbrechen beendet sie</translation>
    </message>
</context>
<context>
    <name>pacd::ui::SanitizerPreview</name>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="102"/>
        <source>Sanitiser</source>
        <translation>Bereiniger</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="107"/>
        <source>Poison</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="108"/>
        <source>One of the PACD poison set&apos;s images</source>
        <translation>Eines der Bilder des PACD-Giftsets</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="109"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="110"/>
        <source>poisoned</source>
        <translation>vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="111"/>
        <source>sanitised poisoned</source>
        <translation>vergiftet, bereinigt</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="218"/>
        <source>No PACD poisons in this run to sanitise.</source>
        <translation>Dieser Lauf hat keine PACD-Gifte zum Bereinigen.</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="221"/>
        <source>Training image %1: the poison&apos;s largest pixel change ‖δ‖∞ %2, after sanitising both images %3.</source>
        <translation>Trainingsbild %1: größte Pixeländerung des Gifts ‖δ‖∞ %2, nach Bereinigung beider Bilder %3.</translation>
    </message>
</context>
<context>
    <name>pacd::ui::TestImageView</name>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="105"/>
        <source>Test image</source>
        <translation>Testbild</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="106"/>
        <source>New noise</source>
        <translation>Neues Rauschen</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="107"/>
        <source>Draw the Gaussian noise again</source>
        <translation>Das Gaußsche Rauschen neu ziehen</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="108"/>
        <source>A test image of the target class the run certified (its index in the test file)</source>
        <translation>Ein vom Lauf zertifiziertes Testbild der Zielklasse (sein Index in der Testdatei)</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="110"/>
        <source>No certified run yet: after a run (or on opening one) pick one of its test images here.</source>
        <translation>Noch kein zertifizierter Lauf: Nach einem Lauf (oder beim Öffnen eines Laufs) hier eines seiner Testbilder wählen.</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="111"/>
        <source>The smoothed classifier does not see the image itself: it votes over many noisy copies x + N(0, σ²I) and certifies the radius from how clearly one class wins (Cohen et al.).</source>
        <translation>Der geglättete Klassifikator sieht nicht das Bild selbst: Er stimmt über viele verrauschte Kopien x + N(0, σ²I) ab und zertifiziert den Radius danach, wie deutlich eine Klasse gewinnt (Cohen et al.).</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="113"/>
        <source>#%1, class %2</source>
        <translation>#%1, Klasse %2</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="115"/>
        <source>%1 of the noisy copies at σ = %2 (shown clamped to [0, 1])</source>
        <translation>%1 der verrauschten Kopien bei σ = %2 (auf [0, 1] begrenzt dargestellt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/test_image/test_image_view.cpp" line="131"/>
        <source>%n victim(s) without their certificates (moved or deleted): %1</source>
        <translation>
            <numerusform>%n Opfer ohne Zertifikate (verschoben oder gelöscht): %1</numerusform>
            <numerusform>%n Opfer ohne Zertifikate (verschoben oder gelöscht): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="140"/>
        <source>#%1: R %2 → %3</source>
        <translation>#%1: R %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="141"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="242"/>
        <source>&lt;b&gt;Certified radius of #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zertifizierter Radius von #%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>victim</source>
        <translation>Opfer</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="247"/>
        <source>abstains</source>
        <translation>enthält sich</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="247"/>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="247"/>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="259"/>
        <source>Mean over seeds: %1 clean → %2 poisoned</source>
        <translation>Mittel über Seeds: %1 sauber → %2 vergiftet</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ToyPlayground</name>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="474"/>
        <source>ℓ∞ budget: how far each poison may move in each coordinate</source>
        <translation>ℓ∞-Budget: wie weit sich jedes Gift in jeder Koordinate bewegen darf</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="475"/>
        <source>Noise level of Gaussian augmentation (lower level and retraining)</source>
        <translation>Rauschstärke der Gauß-Augmentierung (untere Ebene und Nachtraining)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="476"/>
        <source>ApproxGrad upper steps (sign steps of ε/10)</source>
        <translation>Obere ApproxGrad-Schritte (Vorzeichenschritte von ε/10)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="477"/>
        <source>Training points drawn from each Gaussian</source>
        <translation>Aus jeder Gauß-Verteilung gezogene Trainingspunkte</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="478"/>
        <source>ε (ℓ∞ budget)</source>
        <translation>ε (ℓ∞-Budget)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="479"/>
        <source>σ (noise)</source>
        <translation>σ (Rauschen)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="480"/>
        <source>Upper steps</source>
        <translation>Obere Schritte</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="481"/>
        <source>Points per class</source>
        <translation>Punkte pro Klasse</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="484"/>
        <source>Run attack</source>
        <translation>Angriff starten</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="485"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="293"/>
        <source>Click the plot to place points and see their certified radii.</source>
        <translation>Klicken Sie in das Diagramm, um Punkte zu setzen und ihre zertifizierten Radien zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="486"/>
        <source>Clear points</source>
        <translation>Punkte löschen</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="501"/>
        <source>Attack (App. D.2)</source>
        <translation>Angriff (Anh. D.2)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="272"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="278"/>
        <source>The attack failed: %1</source>
        <translation>Der Angriff ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="504"/>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="505"/>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="506"/>
        <source>class +1</source>
        <translation>Klasse +1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="507"/>
        <source>class −1 (clean)</source>
        <translation>Klasse −1 (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="508"/>
        <source>class −1 poisoned</source>
        <translation>Klasse −1 vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="509"/>
        <source>class means</source>
        <translation>Klassenmittelwerte</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="510"/>
        <source>analytic clean boundary</source>
        <translation>analytische saubere Grenze</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="511"/>
        <source>analytic poisoned boundary</source>
        <translation>analytische vergiftete Grenze</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="512"/>
        <source>lower level during the attack</source>
        <translation>untere Ebene während des Angriffs</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="513"/>
        <source>retrained on clean data</source>
        <translation>auf sauberen Daten nachtrainiert</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="514"/>
        <source>retrained on poisons</source>
        <translation>auf Giften nachtrainiert</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="515"/>
        <source>your points</source>
        <translation>Ihre Punkte</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="566"/>
        <source>Warming up the lower level on clean data…</source>
        <translation>Untere Ebene wird auf sauberen Daten aufgewärmt…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="577"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="606"/>
        <source>Upper step %1 of %2: class −1 validation ACR %3</source>
        <translation>Oberer Schritt %1 von %2: Validierungs-ACR der Klasse −1 %3</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="607"/>
        <source>Retraining from scratch on clean and on poisoned data…</source>
        <translation>Nachtraining von Grund auf mit sauberen und vergifteten Daten…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="624"/>
        <source>Done in %1 s. Click the plot to compare certified radii.</source>
        <translation>Fertig in %1 s. Klicken Sie in das Diagramm, um zertifizierte Radien zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="835"/>
        <source>R %1 → %2</source>
        <translation>R %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="836"/>
        <source>R %1</source>
        <translation>R %1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="850"/>
        <source>&lt;b&gt;Radius of the class −1 mean&lt;/b&gt; (%1, %1)</source>
        <translation>&lt;b&gt;Radius des Mittelwerts der Klasse −1&lt;/b&gt; (%1, %1)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="851"/>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="851"/>
        <source>analytic</source>
        <translation>analytisch</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="853"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="855"/>
        <source>poisoned</source>
        <translation>vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="856"/>
        <source>Analytic drop ε/√2 = %1</source>
        <translation>Analytischer Rückgang ε/√2 = %1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="859"/>
        <source>ACR of class −1 test points: %1 → %2</source>
        <translation>ACR der Testpunkte der Klasse −1: %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="861"/>
        <source>Mean shift of the poisons: (%1, %2)</source>
        <translation>Mittlere Verschiebung der Gifte: (%1, %2)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="865"/>
        <source>Stale: measured at ε = %1, σ = %2; press Run for the current settings.</source>
        <translation>Veraltet: gemessen bei ε = %1, σ = %2; Ausführen misst die aktuellen Einstellungen.</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="343"/>
        <source>New value: stopping the run under way…</source>
        <translation>Neuer Wert: der laufende Angriff wird beendet…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="487"/>
        <source>Click the plot to place a point, drag a point to move it</source>
        <translation>In das Diagramm klicken setzt einen Punkt, Ziehen verschiebt ihn</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="488"/>
        <source>Replay steps</source>
        <translation>Schritte abspielen</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="489"/>
        <source>Play the last run&apos;s upper steps again: the poisons and the lower level&apos;s boundary</source>
        <translation>Die oberen Schritte des letzten Laufs erneut abspielen: die Gifte und die Grenze der unteren Ebene</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="490"/>
        <source>Rerun when ε or σ changes</source>
        <translation>Neu rechnen, wenn sich ε oder σ ändert</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="491"/>
        <source>Moving a slider reruns the attack after a short pause; a run under way is cancelled</source>
        <translation>Ein bewegter Schieberegler startet den Angriff nach einer kurzen Pause neu; ein laufender Angriff wird abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="494"/>
        <source>Radius map</source>
        <translation>Radiuskarte</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="495"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="496"/>
        <source>clean classifier</source>
        <translation>sauberer Klassifikator</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="497"/>
        <source>poisoned classifier</source>
        <translation>vergifteter Klassifikator</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="498"/>
        <source>Certified radius at every point of the plane: orange where class −1 is predicted, blue where class +1 is, white on the boundary (radius 0). A linear classifier&apos;s smoothed version certifies exactly its distance to the boundary.</source>
        <translation>Zertifizierter Radius an jedem Punkt der Ebene: orange, wo Klasse −1 vorhergesagt wird, blau bei Klasse +1, weiß auf der Grenze (Radius 0). Die geglättete Version eines linearen Klassifikators zertifiziert genau den Abstand zur Grenze.</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="516"/>
        <source>radius map, poisoned</source>
        <translation>Radiuskarte, vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="516"/>
        <source>radius map, clean</source>
        <translation>Radiuskarte, sauber</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="728"/>
        <source>&lt;b&gt;Point (%1, %2)&lt;/b&gt;: certified radius %3 under the clean boundary</source>
        <translation>&lt;b&gt;Punkt (%1, %2)&lt;/b&gt;: zertifizierter Radius %3 unter der sauberen Grenze</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="732"/>
        <source>%1 under the poisoned one (%2)</source>
        <translation>%1 unter der vergifteten (%2)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="734"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>pacd::ui::TrainingPlot</name>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="37"/>
        <source>Victim training</source>
        <translation>Training der Opfermodelle</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="38"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="39"/>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="36"/>
        <source>Each victim trained from scratch on its data, loss per epoch</source>
        <translation>Jedes Opfer von Grund auf mit seinen Daten trainiert, Verlust pro Epoche</translation>
    </message>
</context>
<context>
    <name>pacd::ui::WindowActions</name>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="34"/>
        <source>About pacd-studio</source>
        <translation>Über pacd-studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="35"/>
        <source>&lt;p&gt;&lt;b&gt;pacd-studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Explores the PACD attack: bilevel, clean-label data poisoning that shrinks the certified radius of randomized-smoothing defenses (Mehra et al., &lt;i&gt;How Robust are Randomized Smoothing based Defenses to Data Poisoning?&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;pacd-studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Untersucht den PACD-Angriff: zweistufige Datenvergiftung mit korrekten Labels, die den zertifizierten Radius von Randomized-Smoothing-Verteidigungen verkleinert (Mehra et al., &lt;i&gt;How Robust are Randomized Smoothing based Defenses to Data Poisoning?&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="48"/>
        <source>Open experiment</source>
        <translation>Experiment öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="60"/>
        <source>Save experiment</source>
        <translation>Experiment speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="60"/>
        <source>Experiments (*.json)</source>
        <translation>Experimente (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="124"/>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="134"/>
        <source>Cannot open the run</source>
        <translation>Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="144"/>
        <location filename="../ui/main_window/window_actions.cpp" line="163"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="144"/>
        <location filename="../ui/main_window/window_actions.cpp" line="163"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="148"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="149"/>
        <source>&amp;Open experiment…</source>
        <translation>Experiment ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="150"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="151"/>
        <source>&amp;Save experiment</source>
        <translation>Experiment &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="152"/>
        <source>Save experiment &amp;as…</source>
        <translation>Experiment speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="154"/>
        <source>&amp;Browse past runs…</source>
        <translation>Frühere Läufe &amp;durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="155"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="156"/>
        <source>Plots as PNG, PDF or SVG…</source>
        <translation>Diagramme als PNG, PDF oder SVG…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="157"/>
        <source>Results as CSV…</source>
        <translation>Ergebnisse als CSV…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="158"/>
        <source>Poisoned data set…</source>
        <translation>Vergifteter Datensatz…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="159"/>
        <source>Image grid as PNG…</source>
        <translation>Bildraster als PNG…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="161"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="162"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="164"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="166"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="167"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="168"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="169"/>
        <source>&amp;About pacd-studio</source>
        <translation>Ü&amp;ber pacd-studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="49"/>
        <source>Experiments (*.json);;Results stores (*.sqlite);;All files (*)</source>
        <translation>Experimente (*.json);;Ergebnisdatenbanken (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="67"/>
        <source>Open results store</source>
        <translation>Ergebnisdatenbank öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="69"/>
        <source>Results stores (*.sqlite);;All files (*)</source>
        <translation>Ergebnisdatenbanken (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="153"/>
        <source>Open results &amp;store…</source>
        <translation>Ergebnis&amp;datenbank öffnen…</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ZoomDialog</name>
    <message>
        <location filename="../ui/inspector/zoom_dialog.cpp" line="26"/>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location filename="../ui/inspector/zoom_dialog.cpp" line="27"/>
        <source>Screen pixels per image pixel (nearest neighbour: no smoothing)</source>
        <translation>Bildschirmpixel pro Bildpixel (nächster Nachbar: keine Glättung)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/zoom_dialog.cpp" line="35"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
</context>
</TS>
