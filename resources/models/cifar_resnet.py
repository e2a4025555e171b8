"""CIFAR-style residual network with torchvision's attribute names.

Three stages of BasicBlocks with 16/32/64 channels (He et al. 2016, Sec. 4.2), so depth = 6n + 2.
The attribute names (conv1/bn1/relu/layer1..3/avgpool/fc, torchvision BasicBlock) are the ones
pathlens recognises; the shortcut of a downsampling block is a strided 1x1 conv + BN.
"""
import torch
from torch import nn
from torchvision.models.resnet import BasicBlock


class CifarResNet(nn.Module):
    def __init__(self, depth=56, in_channels=1, num_classes=10):
        super().__init__()
        assert (depth - 2) % 6 == 0, "depth must be 6n + 2"
        blocks_per_stage = (depth - 2) // 6
        self.conv1 = nn.Conv2d(in_channels, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.relu = nn.ReLU(inplace=True)
        self.inplanes = 16
        self.layer1 = self._stage(16, blocks_per_stage, 1)
        self.layer2 = self._stage(32, blocks_per_stage, 2)
        self.layer3 = self._stage(64, blocks_per_stage, 2)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, num_classes)

    def _stage(self, planes, count, stride):
        downsample = None
        if stride != 1 or self.inplanes != planes:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes, 1, stride, bias=False),
                                       nn.BatchNorm2d(planes))
        layers = [BasicBlock(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes
        layers += [BasicBlock(planes, planes) for _ in range(count - 1)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(torch.flatten(self.avgpool(x), 1))
