<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="45"/>
        <location filename="../ui/export/plot_export.cpp" line="90"/>
        <location filename="../ui/export/plot_export.cpp" line="153"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="85"/>
        <source>Resolution %1 dpi is outside 10–2400 dpi</source>
        <translation>分辨率 %1 dpi 超出 10–2400 dpi 范围</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="87"/>
        <source>Size %1 × %2 pixels is outside 16–20000 pixels</source>
        <translation>尺寸 %1 × %2 像素超出 16–20000 像素范围</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="108"/>
        <location filename="../ui/export/plot_export.cpp" line="156"/>
        <source>Cannot encode %1 as PNG</source>
        <translation>无法将 %1 编码为 PNG</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="121"/>
        <source>Cannot start a PDF in %1</source>
        <translation>无法在 %1 中创建 PDF</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="151"/>
        <source>Nothing to save in %1: the image is empty</source>
        <translation>%1 中无内容可保存：图像为空</translation>
    </message>
</context>
<context>
    <name>DefenderNames</name>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="6"/>
        <source>Spectral signatures</source>
        <translation>谱签名</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="7"/>
        <source>Activation clustering</source>
        <translation>激活聚类</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="8"/>
        <source>Deep k-NN</source>
        <translation>深度 k-NN</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="13"/>
        <source>PACD</source>
        <translation>PACD</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="14"/>
        <source>watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="15"/>
        <source>random ±ε</source>
        <translation>随机 ±ε</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="16"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="21"/>
        <source>Bit-depth reduction</source>
        <translation>位深度压缩</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="22"/>
        <source>JPEG re-encoding</source>
        <translation>JPEG 重新编码</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="23"/>
        <source>Median filter</source>
        <translation>中值滤波</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="24"/>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="25"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="30"/>
        <source>bits</source>
        <translation>位</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="31"/>
        <source>quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="32"/>
        <source>kernel</source>
        <translation>核</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_names.cpp" line="33"/>
        <source>s.d. (px)</source>
        <translation>标准差（像素）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/controls/input_guard.cpp" line="39"/>
        <location filename="../ui/controls/input_guard.cpp" line="43"/>
        <source>allowed: %1 to %2</source>
        <translation>允许范围：%1 至 %2</translation>
    </message>
</context>
<context>
    <name>RunJob</name>
    <message>
        <location filename="../ui/engine/run_job.cpp" line="90"/>
        <source>Waiting for stage &apos;%1&apos;: another process is computing it in %2; its result is then reused</source>
        <translation>等待阶段“%1”：另一个进程正在 %2 中计算它，随后将复用其结果</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AcrBarsPlot</name>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="60"/>
        <source>ACR of the target class (mean ± s.d. over seeds)</source>
        <translation>目标类别的 ACR（各随机种子的均值 ± 标准差）</translation>
    </message>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="66"/>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
    <message>
        <location filename="../ui/plots/acr_bars_plot.cpp" line="59"/>
        <source>The poisoned bar&apos;s drop is the attack&apos;s effect</source>
        <translation>投毒柱的下降即攻击的效果</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AdvancedPanel</name>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="214"/>
        <source>Training subset</source>
        <translation>训练子集</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="215"/>
        <source>Stratified subset of the training split (0 = all). The paper trains on all 55,000 MNIST / 45,000 CIFAR-10 training points (App. E.1).</source>
        <translation>训练集的分层子集（0 = 全部）。论文使用全部 55,000 个 MNIST / 45,000 个 CIFAR-10 训练样本（附录 E.1）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="217"/>
        <source>Attack epochs P</source>
        <translation>攻击轮数 P</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="227"/>
        <source>Linear solver</source>
        <translation>线性求解器</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="228"/>
        <source>How ApproxGrad solves (∇²θθζ + ρI)q = ∇θξ: Adam on the residual as in the paper (Alg. 2, App. C.1), conjugate gradient, or the first-order shortcut q = ∇θξ.</source>
        <translation>ApproxGrad 求解 (∇²θθζ + ρI)q = ∇θξ 的方式：如论文对残差使用 Adam（算法 2，附录 C.1）、共轭梯度，或一阶近似 q = ∇θξ。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="234"/>
        <source>Lower-level steps T1</source>
        <translation>下层步数 T1</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="235"/>
        <source>Steps on the victim&apos;s weights per upper step (Alg. 2). Paper: T1 = 10; SmoothAdv T1 = 1 (App. E.3).</source>
        <translation>每个上层步骤中受害模型权重的更新步数（算法 2）。论文：T1 = 10；SmoothAdv 为 T1 = 1（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="236"/>
        <source>Linear-system steps T2</source>
        <translation>线性系统步数 T2</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="236"/>
        <source>Steps of the linear solve per upper step (Alg. 2). Paper: T2 = 10 (App. E.3).</source>
        <translation>每个上层步骤中线性求解的步数（算法 2）。论文：T2 = 10（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="246"/>
        <source>Upper-level noise samples</source>
        <translation>上层噪声样本数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="247"/>
        <source>Noise samples of the soft smoothed classifier whose ACR is the upper-level objective (§3.2). Paper: 20 on MNIST (App. E.3).</source>
        <translation>软平滑分类器的噪声样本数，其 ACR 为上层目标（§3.2）。论文：MNIST 上为 20（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="249"/>
        <source>Clean points per batch</source>
        <translation>每批干净样本数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="250"/>
        <source>Clean points in each lower-level minibatch. Paper: MNIST 900 of 1,000, CIFAR-10 180 of 200 (App. E.3).</source>
        <translation>每个下层小批量中的干净样本数。论文：MNIST 1,000 中 900，CIFAR-10 200 中 180（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="251"/>
        <source>Poisons per batch</source>
        <translation>每批投毒样本数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="252"/>
        <source>Poisons in each lower-level minibatch. Paper: MNIST 100, CIFAR-10 20 (App. E.3).</source>
        <translation>每个下层小批量中的投毒样本数。论文：MNIST 100，CIFAR-10 20（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="253"/>
        <source>Validation points per step</source>
        <translation>每步验证样本数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="254"/>
        <source>Target-class validation points of each upper step. Paper: MNIST 100, CIFAR-10 20 (App. E.1, E.3).</source>
        <translation>每个上层步骤使用的目标类别验证样本数。论文：MNIST 100，CIFAR-10 20（附录 E.1、E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="255"/>
        <source>Victims&apos; defense</source>
        <translation>受害模型的防御</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="256"/>
        <source>How the victims are retrained; another defense than the attack&apos;s tests transfer (§4.5, Fig. 4).</source>
        <translation>受害模型的重新训练方式；与攻击不同的防御用于检验迁移性（§4.5，图 4）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="257"/>
        <source>Attack model</source>
        <translation>攻击模型</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="258"/>
        <source>Architecture of the attack&apos;s lower level. Paper: the MNIST CNN, ResNet-20 on CIFAR-10 (App. E.2).</source>
        <translation>攻击下层的网络结构。论文：MNIST 用 CNN，CIFAR-10 用 ResNet-20（附录 E.2）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="259"/>
        <source>Victim model</source>
        <translation>受害模型</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="260"/>
        <source>Architecture of the retrained victims; a deeper one tests transfer (App. D.4).</source>
        <translation>重新训练的受害模型结构；更深的结构用于检验迁移性（附录 D.4）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="261"/>
        <source>What is attacked</source>
        <translation>攻击对象</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="262"/>
        <source>class: every training point of the target class (§3.3); points: the points nearest single test points (App. D.6).</source>
        <translation>class：目标类别的全部训练样本（§3.3）；points：距单个测试样本最近的训练样本（附录 D.6）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="263"/>
        <source>Target test points</source>
        <translation>目标测试样本</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="263"/>
        <source>Points mode: test points attacked one at a time. Paper: 5 (App. D.6).</source>
        <translation>单点模式：逐个攻击的测试样本数。论文：5（附录 D.6）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="264"/>
        <source>Poisons per point</source>
        <translation>每个目标的投毒数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="265"/>
        <source>Points mode: nearest target-class training points poisoned. Paper: 500, 1 % of the data (App. D.6).</source>
        <translation>单点模式：被投毒的最近目标类别训练样本数。论文：500，即数据的 1 %（附录 D.6）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="266"/>
        <source>Victims per data set</source>
        <translation>每个数据集的受害模型数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="267"/>
        <source>Victims trained from scratch on clean, watermarked and poisoned data. Paper: five initialisations (§4).</source>
        <translation>在干净、水印和投毒数据上从头训练的受害模型。论文：五次随机初始化（§4）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="268"/>
        <source>Victim epochs</source>
        <translation>受害模型训练轮数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="268"/>
        <source>Epochs of victim training. Paper: 100 epochs, Adam, batch 200 (App. E.2).</source>
        <translation>受害模型的训练轮数。论文：100 轮，Adam，批大小 200（附录 E.2）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="269"/>
        <source>Victim learning rate</source>
        <translation>受害模型学习率</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="269"/>
        <source>Adam&apos;s learning rate for the victims. Paper: 0.001 (App. E.2).</source>
        <translation>受害模型 Adam 优化器的学习率。论文：0.001（附录 E.2）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="270"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="270"/>
        <source>L2 penalty of the victims: 0, 1e-4, 1e-2 or 1e-1 in Table 7 (App. D.5).</source>
        <translation>受害模型的 L2 惩罚：表 7 中为 0、1e-4、1e-2 或 1e-1（附录 D.5）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="271"/>
        <source>Watermark baseline</source>
        <translation>水印基线</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="272"/>
        <source>Also train victims on watermarked data: another class&apos;s image at opacity 0.1, clipped to ε (App. E.3).</source>
        <translation>同时在水印数据上训练受害模型：以 0.1 不透明度叠加另一类别的图像，并裁剪到 ε（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="273"/>
        <source>Measure PGD distortion</source>
        <translation>测量 PGD 扰动</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="274"/>
        <source>Also measure the smoothed victims&apos; empirical robustness: the ℓ2 distortion PGD needs (§4.6, Table 5).</source>
        <translation>同时测量平滑受害模型的经验鲁棒性：PGD 所需的 ℓ2 扰动（§4.6，表 5）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="275"/>
        <source>CERTIFY n0</source>
        <translation>CERTIFY n0</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="275"/>
        <source>Selection samples of Cohen et al.&apos;s CERTIFY. Paper: n0 = 100 (App. E.3).</source>
        <translation>Cohen 等人 CERTIFY 的选择样本数。论文：n0 = 100（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="276"/>
        <source>CERTIFY n</source>
        <translation>CERTIFY n</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="277"/>
        <source>Estimation samples of CERTIFY; with few, the certifiable radius is capped. Paper: n = 100,000 (App. E.3).</source>
        <translation>CERTIFY 的估计样本数；样本过少时可认证半径有上限。论文：n = 100,000（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="278"/>
        <source>CERTIFY α</source>
        <translation>CERTIFY α</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="278"/>
        <source>Failure probability of each certificate. Paper: α = 0.001 (App. E.3).</source>
        <translation>每个认证的失败概率。论文：α = 0.001（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="279"/>
        <source>Certified test points</source>
        <translation>认证测试样本数</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="279"/>
        <source>Target-class test points certified per victim. Paper: 500 (App. E.1).</source>
        <translation>每个受害模型认证的目标类别测试样本数。论文：500（附录 E.1）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="293"/>
        <location filename="../ui/controls/advanced_panel.cpp" line="295"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="217"/>
        <source>Epochs of Alg. 1 (see Epoch over). Paper: P = 50 (App. E.3).</source>
        <translation>算法 1 的轮数（见“轮次遍历”）。论文：P = 50（附录 E.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="218"/>
        <source>Epoch over</source>
        <translation>轮次遍历</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="219"/>
        <source>What one attack epoch passes over: poisons (⌈poisons / poison batch⌉ upper steps) or clean-data (at least ⌈clean points / clean batch⌉ steps, the poisons cycled, as the authors count). Default: clean-data in points mode (App. D.6: 500 poisons are 25 steps a pass but ~250 an epoch over CIFAR-10), poisons in class mode, where the two agree to within a few per cent.</source>
        <translation>一轮攻击遍历的对象：poisons（⌈投毒点数 / 投毒批大小⌉ 个上层步）或 clean-data（至少 ⌈干净点数 / 干净批大小⌉ 步，投毒点循环使用，与作者相同）。默认：点模式为 clean-data（附录 D.6），类模式为 poisons（两者相差仅几个百分点）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="223"/>
        <source>Upper objective</source>
        <translation>上层目标</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="224"/>
        <source>What the attack makes worse on the target class: soft-acr, the soft smoothed classifier&apos;s certified radius (PACD, §3.2), or cross-entropy, the base classifier&apos;s loss, maximised (standard bilevel poisoning, App. D.1 Eq. 4: Table 1). Default: cross-entropy when the attack&apos;s lower level is standard training, else soft-acr.</source>
        <translation>攻击在目标类上破坏的量：soft-acr，即软平滑分类器的认证半径（PACD，§3.2）；或 cross-entropy，即基分类器的损失，取最大化（标准双层投毒，附录 D.1 式 4：表 1）。默认：下层为标准训练时为 cross-entropy，否则为 soft-acr。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="230"/>
        <source>Hessian products</source>
        <translation>Hessian 乘积</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="231"/>
        <source>How the approxgrad and cg solvers multiply by ∇²θθζ: autograd&apos;s double backward (exact), or central differences of two gradients at θ ± h·v (no second-order graph; exact on quadratics, approximate on ReLU networks).</source>
        <translation>approxgrad 和 cg 求解器如何与 ∇²θθζ 相乘：autograd 的二次反向传播（精确），或在 θ ± h·v 处两个梯度的中心差分（无二阶计算图；对二次函数精确，对 ReLU 网络近似）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="237"/>
        <source>Linear-solve rate β</source>
        <translation>线性求解学习率 β</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="238"/>
        <source>Adam&apos;s learning rate of the approxgrad solver&apos;s q-solve. Alg. 2: 0.001 (App. E.3 prints 0.01, which diverges on the MNIST CNN).</source>
        <translation>approxgrad 求解器 q 方程的 Adam 学习率。算法 2：0.001（附录 E.3 写作 0.01，在 MNIST CNN 上发散）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="243"/>
        <source>Poison step</source>
        <translation>投毒步长方式</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="244"/>
        <source>How the poisons follow the hypergradient: adam (per-poison Adam, the authors&apos; code) or sign (ε/10 per step).</source>
        <translation>投毒点如何跟随超梯度：adam（每个投毒点一个 Adam，作者的代码）或 sign（每步 ε/10）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="245"/>
        <source>Poison learning rate</source>
        <translation>投毒学习率</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="245"/>
        <source>Adam&apos;s learning rate on the poisons. The authors&apos; code: 0.1.</source>
        <translation>投毒点上的 Adam 学习率。作者的代码：0.1。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="280"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="281"/>
        <source>Arithmetic of the attack&apos;s lower level, of training and of certification. fp32 is the exact reference; bf16 runs convolutions and linear layers in bfloat16 (AMX, AVX512-BF16, tensor cores), faster, and certifies the smoothed classifier of the bf16 model; auto (the default) picks bf16 where the device has native bf16 units.</source>
        <translation>攻击下层、训练和认证的运算精度。fp32 为精确参考；bf16 以 bf16 计算卷积和线性层（autocast）；auto 在设备具备原生 bf16 单元时选择 bf16。</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="240"/>
        <source>Damping ρ</source>
        <translation>阻尼 ρ</translation>
    </message>
    <message>
        <location filename="../ui/controls/advanced_panel.cpp" line="241"/>
        <source>ρ of (∇²θθζ + ρI)q = ∇θξ. App. E.3: 0.001. The cg solver needs about 10 on the MNIST CNN, whose Hessian is indefinite.</source>
        <translation>(∇²θθζ + ρI)q = ∇θξ 中的 ρ。附录 E.3：0.001。MNIST CNN 的 Hessian 不定，cg 求解器约需 10。</translation>
    </message>
</context>
<context>
    <name>pacd::ui::AttackPlot</name>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="51"/>
        <source>Attack (Alg. 1)</source>
        <translation>攻击（算法 1）</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="52"/>
        <source>upper step</source>
        <translation>上层步骤</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="59"/>
        <source>soft ACR of the target class</source>
        <translation>目标类别的软 ACR</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="53"/>
        <location filename="../ui/plots/attack_plot.cpp" line="63"/>
        <source>lower-level loss</source>
        <translation>下层损失</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="60"/>
        <source>soft ACR per step</source>
        <translation>每步软 ACR</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="61"/>
        <source>soft ACR, mean of 20 steps</source>
        <translation>软 ACR，20 步均值</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="55"/>
        <source>target-class cross-entropy (Eq. 4)</source>
        <translation>目标类交叉熵（式 4）</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="56"/>
        <source>cross-entropy per step</source>
        <translation>每步交叉熵</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="57"/>
        <source>cross-entropy, mean of 20 steps</source>
        <translation>交叉熵，20 步均值</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="65"/>
        <source>The attack raises the target class&apos;s validation loss; the victims retrained on the poisons show the effect</source>
        <translation>攻击提高目标类别的验证损失；在投毒数据上重新训练的受害模型显示其效果</translation>
    </message>
    <message>
        <location filename="../ui/plots/attack_plot.cpp" line="67"/>
        <source>Soft ACR may rise at first: the lower level is still learning.
The drop shows in the victims retrained on the poisons (ACR bars).</source>
        <translation>软 ACR 起初可能上升：下层仍在学习。
下降体现在用投毒数据重新训练的受害模型上（ACR 柱）。</translation>
    </message>
</context>
<context>
    <name>pacd::ui::CertifiedAccuracyPlot</name>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="125"/>
        <source>Certified accuracy</source>
        <translation>认证准确率</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="126"/>
        <source>ℓ2 radius</source>
        <translation>ℓ2 半径</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="127"/>
        <source>certified accuracy</source>
        <translation>认证准确率</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="128"/>
        <source>Share of test points certified at ≥ this radius · colour = data, dash = seed</source>
        <translation>在 ≥ 该半径处被认证的测试点比例 · 颜色 = 数据，虚线样式 = 种子</translation>
    </message>
    <message>
        <location filename="../ui/plots/certified_accuracy_plot.cpp" line="132"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DatasetExportDialog</name>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="36"/>
        <source>Export poisoned training set</source>
        <translation>导出投毒训练集</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="38"/>
        <source>poison-set manifest (.json)</source>
        <translation>投毒集清单 (.json)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="39"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="46"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="42"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="68"/>
        <source>Poison set</source>
        <translation>投毒集</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="42"/>
        <source>Poison-set manifest (*.json)</source>
        <translation>投毒集清单 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="48"/>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="69"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="52"/>
        <source>IDX, 8-bit (what other tools read; pixels rounded)</source>
        <translation>IDX，8 位（其他工具可读；像素取整）</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="53"/>
        <source>IDX, float32 (exact poisons)</source>
        <translation>IDX，float32（精确的投毒样本）</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="54"/>
        <source>PNG class folders (8-bit)</source>
        <translation>PNG 类别文件夹（8 位）</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="57"/>
        <source>whole training part</source>
        <translation>整个训练部分</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="58"/>
        <source>The stratified subset the poisons were made on (the attack&apos;s --subset)</source>
        <translation>生成投毒样本所用的分层子集（攻击的 --subset）</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="61"/>
        <source>Seed of the train/validation split and the subset (the attack&apos;s --split-seed)</source>
        <translation>训练/验证划分及子集的随机种子（攻击的 --split-seed）</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="62"/>
        <source>Only the poisoned images</source>
        <translation>仅投毒图像</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="70"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="71"/>
        <source>Subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="72"/>
        <source>Split seed</source>
        <translation>划分种子</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="76"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="112"/>
        <source>Choose a poison set and an output folder.</source>
        <translation>请选择投毒集和输出文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="116"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="131"/>
        <source>Wrote %1 images (%2 poisons of class %3) to %4.</source>
        <translation>已将 %1 张图像（类别 %3 的 %2 个投毒样本）写入 %4。</translation>
    </message>
    <message>
        <location filename="../ui/export/dataset_export_dialog.cpp" line="136"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DatasetFetcher</name>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="24"/>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="46"/>
        <source>Cannot fetch %1</source>
        <translation>无法获取 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="25"/>
        <source>pacd-cli was not found next to pacd-studio (%1). Run: pacd-cli fetch %2</source>
        <translation>在 pacd-studio 旁未找到 pacd-cli（%1）。请运行：pacd-cli fetch %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="43"/>
        <source>%1 is installed</source>
        <translation>%1 已安装</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="47"/>
        <source>The download did not complete (are you online?). Offline, download cifar-10-binary.tar.gz elsewhere and run: pacd-cli fetch cifar10 --from FILE. The log has the details.</source>
        <translation>下载未完成（是否已联网？）。离线时，请在别处下载 cifar-10-binary.tar.gz 并运行：pacd-cli fetch cifar10 --from 文件。详情见日志。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/dataset_fetcher.cpp" line="50"/>
        <source>fetching %1…</source>
        <translation>正在获取 %1…</translation>
    </message>
</context>
<context>
    <name>pacd::ui::DefenderView</name>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="172"/>
        <source>Loading the run&apos;s detector scores and training images…</source>
        <translation>正在加载该运行的检测器分数和训练图像…</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="173"/>
        <source>The run shown has no defender stages (no detection and no sanitiser), so there is nothing to show here.

Run the defender-mnist preset (pacd-cli run --preset defender-mnist --scale demo) and open one of its rows with File ▸ Open results store…: the detectors&apos; ROC curves, the training images they find most suspicious and a sanitiser&apos;s effect on the poisons appear here.</source>
        <translation>当前运行没有防御阶段（没有检测，也没有净化器），因此这里没有内容。

请运行 defender-mnist 预设（pacd-cli run --preset defender-mnist --scale demo），并通过 文件 ▸ 打开结果库… 打开其中一行：检测器的 ROC 曲线、它们认为最可疑的训练图像以及净化器对投毒样本的效果将显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="177"/>
        <source>Most suspicious training images</source>
        <translation>最可疑的训练图像</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="179"/>
        <source>with %1 poisons</source>
        <translation>含 %1 投毒样本</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="181"/>
        <source>per detector, highest score first (the score under each); red frame: a poison</source>
        <translation>按检测器，分数最高者在前（图下为分数）；红框：投毒样本</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="182"/>
        <source>This run has no detection stage: open the &apos;no defense&apos; or a &apos;filter&apos; row of its preset.</source>
        <translation>该运行没有检测阶段：请打开其预设中的“no defense”行或某个“filter”行。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="184"/>
        <source>ROC: the target class&apos;s poisons against its clean points, ranked by the detector&apos;s score (dashed: chance). TPR@5%: the share of poisons flagged when 5 % of the clean points are.</source>
        <translation>ROC：目标类的投毒样本与其干净样本，按检测器分数排序（虚线：随机）。TPR@5%：当 5 % 的干净样本被标记时，被标记的投毒样本比例。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="186"/>
        <source>A sanitiser on one PACD poison</source>
        <translation>对一个 PACD 投毒样本应用净化器</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="194"/>
        <source>Run %1 «%2»</source>
        <translation>运行 %1「%2」</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="199"/>
        <source>: %1 target-class training points scored per victim (seed %2), %3 of them poisons; a filter removes the %4 highest-scored.</source>
        <translation>：每个受害模型为 %1 个目标类训练样本打分（种子 %2），其中 %3 个为投毒样本；过滤器移除分数最高的 %4 个。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="206"/>
        <source>: no detection stage.</source>
        <translation>：没有检测阶段。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="209"/>
        <source>Its victims trained on sanitised images (%1 %2).</source>
        <translation>其受害模型在净化后的图像上训练（%1 %2）。</translation>
    </message>
    <message>
        <location filename="../ui/defender/defender_view.cpp" line="213"/>
        <source>Its victims retrained without the points %1 scored highest.</source>
        <translation>其受害模型在去掉 %1 打分最高的样本后重新训练。</translation>
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
        <translation>各防御下目标类的 ACR</translation>
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
        <translation>每个投毒样本扰动的 ℓ∞ 预算，图像取值 [0, 1]（§3.3；论文：MNIST 0.1，CIFAR-10 0.03，附录 E.3）。标签以 8 位像素级别显示。</translation>
    </message>
    <message>
        <location filename="../ui/controls/epsilon_control.cpp" line="71"/>
        <source>≈ %1 / 255</source>
        <translation>≈ %1 / 255</translation>
    </message>
    <message>
        <location filename="../ui/controls/epsilon_control.cpp" line="72"/>
        <source>ε in pixel levels: each pixel moves by at most this many of 255 levels</source>
        <translation>以像素级别表示的 ε：每个像素最多改变 255 级中的这么多级</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ExperimentForm</name>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="270"/>
        <source>%1 (not downloaded)</source>
        <translation>%1（未下载）</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="208"/>
        <source>The data set %1 is not in the data directory %2. Get it with: %3</source>
        <translation>数据集 %1 不在数据目录 %2 中。获取方式：%3</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="215"/>
        <source>This experiment cannot run: %1</source>
        <translation>该实验无法运行：%1</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="232"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="233"/>
        <source>Target class</source>
        <translation>目标类别</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="234"/>
        <source>Defense</source>
        <translation>防御</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="235"/>
        <source>Noise σ</source>
        <translation>噪声 σ</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="236"/>
        <source>Budget ε</source>
        <translation>预算 ε</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="237"/>
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="238"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="239"/>
        <source>Fetch CIFAR-10</source>
        <translation>获取 CIFAR-10</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="240"/>
        <source>Download CIFAR-10 (163 MB, MD5 verified) into the data directory; needs a network connection.</source>
        <translation>将 CIFAR-10（163 MB，MD5 校验）下载到数据目录；需要网络连接。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="241"/>
        <source>Data sets in the data directory; MNIST and Fashion-MNIST come with bootstrap.sh.</source>
        <translation>数据目录中的数据集；MNIST 和 Fashion-MNIST 由 bootstrap.sh 安装。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="242"/>
        <source>The class whose certified radius the attack shrinks; its training points are poisoned (§3.3). Paper: MNIST 8, CIFAR-10 ship.</source>
        <translation>攻击要缩小其认证半径的类别；其训练样本将被投毒（§3.3）。论文：MNIST 为 8，CIFAR-10 为船。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="290"/>
        <source>Gaussian augmentation (GA)</source>
        <translation>高斯数据增强（GA）</translation>
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
        <translation>攻击针对、受害模型所用的认证防御：GA（§4.1）、MACER（§4.2）、SmoothAdv（§4.3）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="249"/>
        <source>Standard deviation of the smoothing noise, for the attack, the victims and certification. Paper: 0.25 and 0.5 (Tables 2-4).</source>
        <translation>平滑噪声的标准差，用于攻击、受害模型和认证。论文：0.25 和 0.5（表 2–4）。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="251"/>
        <source>demo (minutes on a laptop CPU)</source>
        <translation>演示（笔记本 CPU 上几分钟）</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="252"/>
        <source>paper (hours on a GPU)</source>
        <translation>论文（GPU 上数小时）</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="253"/>
        <source>Picks the defaults: demo shrinks data, epochs and samples to run in minutes on 2 CPU cores; paper uses App. E.3&apos;s settings.</source>
        <translation>选择默认值：演示规模缩小数据、轮数和样本数，可在 2 个 CPU 核上几分钟内完成；论文规模使用附录 E.3 的设置。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="255"/>
        <source>optional, shown in tables</source>
        <translation>可选，显示在表格中</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="256"/>
        <source>Advanced hyper-parameters</source>
        <translation>高级超参数</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="257"/>
        <source>Changing the data set, defense or scale reloads their defaults.</source>
        <translation>更改数据集、防御或规模会重新载入其默认值。</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="284"/>
        <source>two Gaussians (toy)</source>
        <translation>两个高斯分布（玩具）</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="298"/>
        <source>standard training</source>
        <translation>标准训练</translation>
    </message>
    <message>
        <location filename="../ui/controls/experiment_form.cpp" line="307"/>
        <source>%1, target class %2, %3, σ = %4, ε = %5</source>
        <translation>%1，目标类别 %2，%3，σ = %4，ε = %5</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ExportController</name>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="38"/>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="55"/>
        <source>There are no results yet: run an experiment or open one first.</source>
        <translation>尚无结果：请先运行或打开一个实验。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="61"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="69"/>
        <source>The image inspector is empty: start a run to see the poisons.</source>
        <translation>图像检查器为空：开始运行以查看投毒样本。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="76"/>
        <source>Folder for the figures</source>
        <translation>图表保存文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="80"/>
        <location filename="../ui/main_window/export_controller.cpp" line="90"/>
        <location filename="../ui/main_window/export_controller.cpp" line="98"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="81"/>
        <source>Figures written</source>
        <translation>图表已写入</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/export_controller.cpp" line="82"/>
        <source>%n file(s) in %1 (16 × 10 cm, 300 dpi).</source>
        <translation>
            <numerusform>%1 中共 %n 个文件（16 × 10 厘米，300 dpi）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="87"/>
        <source>Image grid</source>
        <translation>图像网格</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="87"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="95"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/main_window/export_controller.cpp" line="95"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ImageInspector</name>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="146"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="147"/>
        <source>δ × </source>
        <translation>δ × </translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="149"/>
        <source>Amplification of the perturbation in the δ column; &quot;auto&quot; maps ±ε to the ends of the colour map</source>
        <translation>δ 列中扰动的放大倍数；“自动”将 ±ε 映射到色图两端</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="150"/>
        <source>Colour of the amplified perturbation: blue negative, white zero, red positive</source>
        <translation>放大扰动的颜色：蓝色为负，白色为零，红色为正</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="151"/>
        <source>Blend the poisoned column from the clean image (0 %) to the poison (100 %)</source>
        <translation>将投毒列从干净图像（0 %）渐变到投毒图像（100 %）</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="227"/>
        <source>Clean → poisoned: %1 %</source>
        <translation>干净 → 投毒：%1 %</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="153"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="154"/>
        <source>Poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="155"/>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="156"/>
        <source>L∞ · L2 · PSNR · SSIM</source>
        <translation>L∞ · L2 · PSNR · SSIM</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="157"/>
        <source>No poisons yet: they appear here while an attack runs.</source>
        <translation>尚无投毒样本：攻击运行时会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="248"/>
        <source>δ × %1 (ε = %2)</source>
        <translation>δ × %1（ε = %2）</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="249"/>
        <source>δ × %1</source>
        <translation>δ × %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Clean image #%1</source>
        <translation>干净图像 #%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Poisoned image #%1</source>
        <translation>投毒图像 #%1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="380"/>
        <source>Perturbation of image #%1</source>
        <translation>图像 #%1 的扰动</translation>
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
        <translation>筛选：索引，例如 17 或 100-200</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="159"/>
        <source>Show only these training-image indices: single numbers and ranges, separated by commas</source>
        <translation>只显示这些训练图像索引：单个数字或范围，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="160"/>
        <source>by index</source>
        <translation>按索引</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="161"/>
        <source>largest L2 first</source>
        <translation>L2 最大优先</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="162"/>
        <source>lowest SSIM first</source>
        <translation>SSIM 最低优先</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="163"/>
        <source>Order of the poisons: the most visible perturbations first, or by image index</source>
        <translation>毒样本的顺序：最明显的扰动优先，或按图像索引</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="164"/>
        <source>Scroll through all poisons, %1 at a time</source>
        <translation>浏览全部毒样本，每次 %1 个</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="174"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="177"/>
        <source>Showing %1 of %2 matching poisons (%3 in all) — scroll or filter</source>
        <translation>显示 %2 个匹配毒样本中的 %1（共 %3 个）— 可滚动或筛选</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="180"/>
        <source>Showing %1 of %2 poisons (%3 received so far) — scroll or filter</source>
        <translation>显示 %2 个毒样本中的 %1（已收到 %3 个）— 可滚动或筛选</translation>
    </message>
    <message>
        <location filename="../ui/inspector/image_inspector.cpp" line="182"/>
        <source>Showing %1 of %2 poisons — scroll or filter</source>
        <translation>显示 %2 个毒样本中的 %1 — 可滚动或筛选</translation>
    </message>
</context>
<context>
    <name>pacd::ui::InputGuard</name>
    <message>
        <location filename="../ui/controls/input_guard.cpp" line="74"/>
        <source>“%1” is not accepted here (%2)</source>
        <translation>此处不接受“%1”（%2）</translation>
    </message>
</context>
<context>
    <name>pacd::ui::LivePlot</name>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="311"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="312"/>
        <source>watermarked</source>
        <translation>水印</translation>
    </message>
    <message>
        <location filename="../ui/plots/live_plot.cpp" line="313"/>
        <source>poisoned</source>
        <translation>投毒</translation>
    </message>
</context>
<context>
    <name>pacd::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="155"/>
        <source>stage %1 of %2: %3 (reusing its stored result)</source>
        <translation>第 %1/%2 阶段：%3（复用已保存的结果）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="156"/>
        <source>stage %1 of %2: %3</source>
        <translation>第 %1/%2 阶段：%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="183"/>
        <source>victim %1 seed %2: ACR %3, ACA %4</source>
        <translation>受害模型 %1 种子 %2：ACR %3，ACA %4</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="200"/>
        <source>paused; Resume continues from the last checkpoint</source>
        <translation>已暂停；继续将从最后一个检查点开始</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="202"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="207"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="209"/>
        <source>The run stopped</source>
        <translation>运行已停止</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="210"/>
        <source>The experiment could not run:

%1

Change the setting it names and start again.</source>
        <translation>实验无法运行：

%1

请修改其中提到的设置后重新开始。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="219"/>
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="233"/>
        <source>starting: %1 target %2, %3, σ = %4, ε = %5 (%6 scale)</source>
        <translation>开始：%1 目标 %2，%3，σ = %4，ε = %5（%6 规模）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/main_window.cpp" line="253"/>
        <source>%1: ACR %2 ± %3, ACA %4 ± %5 (%n victim(s))</source>
        <translation>
            <numerusform>%1：ACR %2 ± %3，ACA %4 ± %5（%n 个受害模型）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="263"/>
        <source>The poisoned victims&apos; ACR is %1 % below the clean victims&apos;.</source>
        <translation>投毒受害模型的 ACR 比干净受害模型低 %1 %。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="300"/>
        <source>the run&apos;s spec cannot be shown: %1</source>
        <translation>无法显示该运行的规格：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="342"/>
        <source>showing run %1 (%2)</source>
        <translation>正在显示运行 %1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="407"/>
        <source>opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="410"/>
        <source>Cannot open the experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="422"/>
        <source>saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="425"/>
        <source>Cannot save the experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="527"/>
        <source>pacd-studio — poisoning certified defenses</source>
        <translation>pacd-studio — 针对认证防御的投毒</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="528"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="529"/>
        <source>Image inspector</source>
        <translation>图像检查器</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="530"/>
        <source>Toy playground</source>
        <translation>玩具实验场</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="531"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="533"/>
        <source>Defender</source>
        <translation>防御方</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="536"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="268"/>
        <source>ACR %1 → %2 (%3 %)</source>
        <translation>ACR %1 → %2（%3 %）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="478"/>
        <source>No font for this language</source>
        <translation>没有适用于该语言的字体</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="479"/>
        <source>No installed font covers this language&apos;s script, so its text will show as empty boxes. Install a font for it (Debian: sudo apt install fonts-wqy-microhei, or fonts-noto-cjk) and restart pacd-studio.</source>
        <translation>没有已安装的字体覆盖该语言的文字，文字将显示为空白方框。请安装相应字体（Debian：sudo apt install fonts-wqy-microhei 或 fonts-noto-cjk）后重启 pacd-studio。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="532"/>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="197"/>
        <source>replay finished after %1 s</source>
        <translation>回放在 %1 秒后结束</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="291"/>
        <source>A run is going</source>
        <translation>有运行正在进行</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="292"/>
        <source>Stored runs can be shown when the current run has finished, been paused or cancelled.</source>
        <translation>当前运行结束、暂停或取消后才能显示已存储的运行。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="316"/>
        <source>the run&apos;s event log cannot be read: %1</source>
        <translation>无法读取该运行的事件日志：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="335"/>
        <source>the run&apos;s poisons cannot be shown: %1</source>
        <translation>无法显示该运行的投毒样本：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="354"/>
        <source>replaying run %1 at ×%2</source>
        <translation>以 ×%2 回放运行 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="370"/>
        <source>Cannot open the results store</source>
        <translation>无法打开结果库</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="370"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="374"/>
        <source>results store: %1</source>
        <translation>结果库：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="380"/>
        <location filename="../ui/main_window/main_window.cpp" line="390"/>
        <source>Cannot open the run</source>
        <translation>无法打开该运行</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="391"/>
        <source>Run %1 of %2: %3</source>
        <translation>%2 中的运行 %1：%3</translation>
    </message>
</context>
<context>
    <name>pacd::ui::PlotExportDialog</name>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="23"/>
        <location filename="../ui/export/plot_export_dialog.cpp" line="119"/>
        <location filename="../ui/export/plot_export_dialog.cpp" line="149"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="25"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="32"/>
        <source>PNG (raster)</source>
        <translation>PNG（位图）</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="33"/>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="34"/>
        <source>SVG (vector)</source>
        <translation>SVG（矢量）</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="50"/>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="51"/>
        <source>centimetres</source>
        <translation>厘米</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="61"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="72"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="73"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="74"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="75"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="120"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export_dialog.cpp" line="140"/>
        <source>%1 × %2 pixels, %3 × %4 cm</source>
        <translation>%1 × %2 像素，%3 × %4 厘米</translation>
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
        <translation>⚠ 大多数点位于上限（n = %1）：
%2</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="109"/>
        <source>cap %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="17"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="18"/>
        <source>watermarked</source>
        <translation>加水印</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_cap.cpp" line="19"/>
        <source>poisoned</source>
        <translation>投毒</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RadiusHistogramPlot</name>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="81"/>
        <source>Certified radii of the target class</source>
        <translation>目标类别的认证半径</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="84"/>
        <source>ℓ2 radius</source>
        <translation>ℓ2 半径</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="85"/>
        <source>fraction of points</source>
        <translation>样本比例</translation>
    </message>
    <message>
        <location filename="../ui/plots/radius_histogram_plot.cpp" line="82"/>
        <source>Seeds pooled · 0 = wrong or abstained · dashed line = cap</source>
        <translation>合并各种子 · 0 = 错误或弃权 · 虚线 = 上限</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ReplayBanner</name>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="83"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="83"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="85"/>
        <source>Replays the run as it was recorded, at the chosen speed, through the same live plots (pauses longer than %1 s are shortened)</source>
        <translation>按所选速度在同样的实时图中回放录制的运行（超过 %1 秒的停顿会被缩短）</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="88"/>
        <source>This run has no event log (recorded before replays existed, or all of its stages were reused): it can be shown, not replayed</source>
        <translation>该运行没有事件日志（录制于回放功能之前，或其所有阶段均为复用）：只能显示，不能回放</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="90"/>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="91"/>
        <source>Close the banner (the plots keep the run)</source>
        <translation>关闭横幅（图表保留该运行）</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="100"/>
        <source>recorded run</source>
        <translation>已录制的运行</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="103"/>
        <source>replay ×%1</source>
        <translation>回放 ×%1</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="106"/>
        <source>replayed ×%1 in %2 s</source>
        <translation>已以 ×%1 回放，用时 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/session/replay_banner.cpp" line="110"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — run #%2 of %3 · &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %3 的运行 #%2 · &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ResultCard</name>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="69"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="69"/>
        <source>ACR and ACA of the clean, watermarked and poisoned victims appear here as each victim is certified.</source>
        <translation>每个受害模型完成认证后，干净、加水印和投毒受害模型的 ACR 与 ACA 将显示在此处。</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="99"/>
        <source>Result: ACR %1</source>
        <translation>结果：ACR %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="100"/>
        <source>seeds %1</source>
        <translation>种子 %1</translation>
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
        <translation>各种子的均值 ± 标准差；变化相对于干净受害模型</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="20"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="21"/>
        <source>watermarked</source>
        <translation>加水印</translation>
    </message>
    <message>
        <location filename="../ui/plots/result_card.cpp" line="22"/>
        <source>poisoned</source>
        <translation>投毒</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ResultsBrowser</name>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="55"/>
        <source>No results store yet at %1: runs are stored there when they finish.</source>
        <translation>%1 处尚无结果库：运行结束后会保存在那里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/session/results_browser.cpp" line="75"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 中有 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="77"/>
        <source>Cannot read the results store: %1</source>
        <translation>无法读取结果库：%1</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="94"/>
        <source>Past runs</source>
        <translation>历史运行</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Started (UTC)</source>
        <translation>开始时间 (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>ACR clean</source>
        <translation>ACR 干净</translation>
    </message>
    <message>
        <location filename="../ui/session/results_browser.cpp" line="96"/>
        <source>ACR poisoned</source>
        <translation>ACR 投毒</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RocPlot</name>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="66"/>
        <source>%1: AUC %2, TPR@5% %3 %</source>
        <translation>%1：AUC %2，TPR@5% %3 %</translation>
    </message>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="85"/>
        <source>false-positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <location filename="../ui/defender/roc_plot.cpp" line="86"/>
        <source>true-positive rate</source>
        <translation>真阳性率</translation>
    </message>
</context>
<context>
    <name>pacd::ui::RunPanel</name>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="64"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="65"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="66"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="141"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="143"/>
        <source>Poison the target class, retrain victims on clean, watermarked and poisoned data, and certify them.</source>
        <translation>对目标类别投毒，在干净、水印和投毒数据上重新训练受害模型并进行认证。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="144"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="144"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="145"/>
        <source>Pausing stops after the next checkpoint; resuming continues from it with the same results.</source>
        <translation>暂停会在下一个检查点后停止；继续将从该处开始，结果不变。</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="151"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="154"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="157"/>
        <source>pausing after the next checkpoint…</source>
        <translation>将在下一个检查点后暂停…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="160"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="163"/>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="170"/>
        <source>Stage %1 of %2: %3 (%4)</source>
        <translation>第 %1/%2 阶段：%3（%4）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="172"/>
        <source>Stage: %1 (%2)</source>
        <translation>阶段：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="173"/>
        <location filename="../ui/main_window/run_panel.cpp" line="175"/>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="174"/>
        <source>Whole run: %1 elapsed</source>
        <translation>整个运行：已用 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="180"/>
        <source>Last run finished in %1%2</source>
        <translation>上次运行完成，用时 %1%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="183"/>
        <source>Last run cancelled in stage %1 of %2 after %3; Start resumes it from its last checkpoint</source>
        <translation>上次运行在第 %1/%2 阶段、%3 后取消；“开始”将从最后的检查点继续</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="189"/>
        <source>Last run failed in stage %1 of %2 after %3%4</source>
        <translation>上次运行在第 %1/%2 阶段、%3 后失败%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="198"/>
        <source>Estimated duration of this run: %1 (cost model, 2-core CPU)</source>
        <translation>本次运行预计用时：%1（成本模型，双核 CPU）</translation>
    </message>
    <message>
        <location filename="../ui/main_window/run_panel.cpp" line="166"/>
        <source>replay of a recorded run; Cancel stops it</source>
        <translation>正在回放已录制的运行；点击“取消”停止</translation>
    </message>
</context>
<context>
    <name>pacd::ui::SanitizerPreview</name>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="102"/>
        <source>Sanitiser</source>
        <translation>净化器</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="107"/>
        <source>Poison</source>
        <translation>投毒样本</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="108"/>
        <source>One of the PACD poison set&apos;s images</source>
        <translation>PACD 投毒集中的一张图像</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="109"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="110"/>
        <source>poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="111"/>
        <source>sanitised poisoned</source>
        <translation>投毒后净化</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="218"/>
        <source>No PACD poisons in this run to sanitise.</source>
        <translation>该运行没有可净化的 PACD 投毒样本。</translation>
    </message>
    <message>
        <location filename="../ui/defender/sanitizer_preview.cpp" line="221"/>
        <source>Training image %1: the poison&apos;s largest pixel change ‖δ‖∞ %2, after sanitising both images %3.</source>
        <translation>训练图像 %1：投毒样本的最大像素变化 ‖δ‖∞ 为 %2，两张图像净化后为 %3。</translation>
    </message>
</context>
<context>
    <name>pacd::ui::TestImageView</name>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="105"/>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="106"/>
        <source>New noise</source>
        <translation>重新采样噪声</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="107"/>
        <source>Draw the Gaussian noise again</source>
        <translation>重新抽取高斯噪声</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="108"/>
        <source>A test image of the target class the run certified (its index in the test file)</source>
        <translation>该运行认证过的目标类别测试图像（其在测试文件中的索引）</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="110"/>
        <source>No certified run yet: after a run (or on opening one) pick one of its test images here.</source>
        <translation>尚无已认证的运行：运行结束（或打开一个运行）后，在此选择其测试图像。</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="111"/>
        <source>The smoothed classifier does not see the image itself: it votes over many noisy copies x + N(0, σ²I) and certifies the radius from how clearly one class wins (Cohen et al.).</source>
        <translation>平滑分类器看不到图像本身：它对许多带噪副本 x + N(0, σ²I) 投票，并根据某一类别胜出的明显程度认证半径（Cohen 等）。</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="113"/>
        <source>#%1, class %2</source>
        <translation>#%1，类别 %2</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="115"/>
        <source>%1 of the noisy copies at σ = %2 (shown clamped to [0, 1])</source>
        <translation>σ = %2 时的 %1 个带噪副本（显示时截断到 [0, 1]）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/test_image/test_image_view.cpp" line="131"/>
        <source>%n victim(s) without their certificates (moved or deleted): %1</source>
        <translation>
            <numerusform>%n 个受害模型缺少证书（已移动或删除）：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="140"/>
        <source>#%1: R %2 → %3</source>
        <translation>#%1：R %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="141"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="242"/>
        <source>&lt;b&gt;Certified radius of #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;#%1 的认证半径&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>victim</source>
        <translation>受害模型</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="244"/>
        <source>radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../ui/test_image/test_image_view.cpp" line="247"/>
        <source>abstains</source>
        <translation>弃权</translation>
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
        <translation>各种子平均：干净 %1 → 投毒 %2</translation>
    </message>
</context>
<context>
    <name>pacd::ui::ToyPlayground</name>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="474"/>
        <source>ℓ∞ budget: how far each poison may move in each coordinate</source>
        <translation>ℓ∞ 预算：每个投毒点在每个坐标上可移动的最大距离</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="475"/>
        <source>Noise level of Gaussian augmentation (lower level and retraining)</source>
        <translation>高斯增强的噪声水平（下层问题与重新训练）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="476"/>
        <source>ApproxGrad upper steps (sign steps of ε/10)</source>
        <translation>ApproxGrad 上层步数（步长为 ε/10 的符号步）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="477"/>
        <source>Training points drawn from each Gaussian</source>
        <translation>从每个高斯分布抽取的训练点</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="478"/>
        <source>ε (ℓ∞ budget)</source>
        <translation>ε（ℓ∞ 预算）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="479"/>
        <source>σ (noise)</source>
        <translation>σ（噪声）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="480"/>
        <source>Upper steps</source>
        <translation>上层步数</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="481"/>
        <source>Points per class</source>
        <translation>每类点数</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="484"/>
        <source>Run attack</source>
        <translation>运行攻击</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="485"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="293"/>
        <source>Click the plot to place points and see their certified radii.</source>
        <translation>点击图表放置点并查看其认证半径。</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="486"/>
        <source>Clear points</source>
        <translation>清除点</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="501"/>
        <source>Attack (App. D.2)</source>
        <translation>攻击（附录 D.2）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="272"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="278"/>
        <source>The attack failed: %1</source>
        <translation>攻击失败：%1</translation>
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
        <translation>类别 +1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="507"/>
        <source>class −1 (clean)</source>
        <translation>类别 −1（干净）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="508"/>
        <source>class −1 poisoned</source>
        <translation>类别 −1（投毒）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="509"/>
        <source>class means</source>
        <translation>类别均值</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="510"/>
        <source>analytic clean boundary</source>
        <translation>解析的干净决策边界</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="511"/>
        <source>analytic poisoned boundary</source>
        <translation>解析的投毒决策边界</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="512"/>
        <source>lower level during the attack</source>
        <translation>攻击过程中的下层模型</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="513"/>
        <source>retrained on clean data</source>
        <translation>在干净数据上重新训练</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="514"/>
        <source>retrained on poisons</source>
        <translation>在投毒数据上重新训练</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="515"/>
        <source>your points</source>
        <translation>您的点</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="566"/>
        <source>Warming up the lower level on clean data…</source>
        <translation>正在用干净数据预热下层模型…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="577"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="606"/>
        <source>Upper step %1 of %2: class −1 validation ACR %3</source>
        <translation>上层第 %1 步（共 %2 步）：类别 −1 验证 ACR %3</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="607"/>
        <source>Retraining from scratch on clean and on poisoned data…</source>
        <translation>正在从头用干净数据和投毒数据重新训练…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="624"/>
        <source>Done in %1 s. Click the plot to compare certified radii.</source>
        <translation>用时 %1 秒完成。点击图表比较认证半径。</translation>
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
        <translation>&lt;b&gt;类别 −1 均值点的半径&lt;/b&gt;（%1, %1）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="851"/>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="851"/>
        <source>analytic</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="853"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="855"/>
        <source>poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="856"/>
        <source>Analytic drop ε/√2 = %1</source>
        <translation>解析下降量 ε/√2 = %1</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="859"/>
        <source>ACR of class −1 test points: %1 → %2</source>
        <translation>类别 −1 测试点的 ACR：%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="861"/>
        <source>Mean shift of the poisons: (%1, %2)</source>
        <translation>投毒点的平均偏移：(%1, %2)</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="865"/>
        <source>Stale: measured at ε = %1, σ = %2; press Run for the current settings.</source>
        <translation>已过时：测于 ε = %1、σ = %2；按“运行”测量当前设置。</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="343"/>
        <source>New value: stopping the run under way…</source>
        <translation>新数值：正在停止当前运行…</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="487"/>
        <source>Click the plot to place a point, drag a point to move it</source>
        <translation>点击图表放置点，拖动点以移动它</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="488"/>
        <source>Replay steps</source>
        <translation>回放步骤</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="489"/>
        <source>Play the last run&apos;s upper steps again: the poisons and the lower level&apos;s boundary</source>
        <translation>重新播放上次运行的上层步骤：毒样本与下层的决策边界</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="490"/>
        <source>Rerun when ε or σ changes</source>
        <translation>ε 或 σ 改变时重新运行</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="491"/>
        <source>Moving a slider reruns the attack after a short pause; a run under way is cancelled</source>
        <translation>移动滑块后稍停即重新运行攻击；正在进行的运行会被取消</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="494"/>
        <source>Radius map</source>
        <translation>半径热图</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="495"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="496"/>
        <source>clean classifier</source>
        <translation>干净分类器</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="497"/>
        <source>poisoned classifier</source>
        <translation>投毒分类器</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="498"/>
        <source>Certified radius at every point of the plane: orange where class −1 is predicted, blue where class +1 is, white on the boundary (radius 0). A linear classifier&apos;s smoothed version certifies exactly its distance to the boundary.</source>
        <translation>平面上每一点的认证半径：预测为类别 −1 处为橙色，类别 +1 处为蓝色，边界上为白色（半径 0）。线性分类器的平滑版本认证的恰好是到边界的距离。</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="516"/>
        <source>radius map, poisoned</source>
        <translation>半径热图（投毒）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="516"/>
        <source>radius map, clean</source>
        <translation>半径热图（干净）</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="728"/>
        <source>&lt;b&gt;Point (%1, %2)&lt;/b&gt;: certified radius %3 under the clean boundary</source>
        <translation>&lt;b&gt;点 (%1, %2)&lt;/b&gt;：干净边界下的认证半径 %3</translation>
    </message>
    <message>
        <location filename="../ui/toy/toy_playground.cpp" line="732"/>
        <source>%1 under the poisoned one (%2)</source>
        <translation>投毒边界下为 %1（%2）</translation>
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
        <translation>受害模型训练</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="38"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="39"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/plots/training_plot.cpp" line="36"/>
        <source>Each victim trained from scratch on its data, loss per epoch</source>
        <translation>每个受害模型在其数据上从头训练，每轮的损失</translation>
    </message>
</context>
<context>
    <name>pacd::ui::WindowActions</name>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="34"/>
        <source>About pacd-studio</source>
        <translation>关于 pacd-studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="35"/>
        <source>&lt;p&gt;&lt;b&gt;pacd-studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Explores the PACD attack: bilevel, clean-label data poisoning that shrinks the certified radius of randomized-smoothing defenses (Mehra et al., &lt;i&gt;How Robust are Randomized Smoothing based Defenses to Data Poisoning?&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;pacd-studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;探索 PACD 攻击：一种双层优化的干净标签数据投毒，可缩小随机平滑防御的认证半径（Mehra 等，&lt;i&gt;How Robust are Randomized Smoothing based Defenses to Data Poisoning?&lt;/i&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="48"/>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="60"/>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="60"/>
        <source>Experiments (*.json)</source>
        <translation>实验 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="124"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="134"/>
        <source>Cannot open the run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="144"/>
        <location filename="../ui/main_window/window_actions.cpp" line="163"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="144"/>
        <location filename="../ui/main_window/window_actions.cpp" line="163"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="148"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="149"/>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="150"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="151"/>
        <source>&amp;Save experiment</source>
        <translation>保存实验(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="152"/>
        <source>Save experiment &amp;as…</source>
        <translation>实验另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="154"/>
        <source>&amp;Browse past runs…</source>
        <translation>浏览历史运行(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="155"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="156"/>
        <source>Plots as PNG, PDF or SVG…</source>
        <translation>将图表导出为 PNG、PDF 或 SVG…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="157"/>
        <source>Results as CSV…</source>
        <translation>将结果导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="158"/>
        <source>Poisoned data set…</source>
        <translation>投毒数据集…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="159"/>
        <source>Image grid as PNG…</source>
        <translation>图像网格导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="161"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="162"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="164"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="165"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="166"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="167"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="168"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="169"/>
        <source>&amp;About pacd-studio</source>
        <translation>关于 pacd-studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="49"/>
        <source>Experiments (*.json);;Results stores (*.sqlite);;All files (*)</source>
        <translation>实验 (*.json);;结果库 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="67"/>
        <source>Open results store</source>
        <translation>打开结果库</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="69"/>
        <source>Results stores (*.sqlite);;All files (*)</source>
        <translation>结果库 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window/window_actions.cpp" line="153"/>
        <source>Open results &amp;store…</source>
        <translation>打开结果库(&amp;S)…</translation>
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
        <translation>每个图像像素对应的屏幕像素（最近邻：不平滑）</translation>
    </message>
    <message>
        <location filename="../ui/inspector/zoom_dialog.cpp" line="35"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
</context>
</TS>
