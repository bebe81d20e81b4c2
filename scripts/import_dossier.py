"""One-off import of the research dossier into study files (run once, 2026-12-03).

This script is kept as provenance, not as a tool to run again: it turned the 129 rows
of ``studies_dossier.csv`` (a research note outside the repository) into the files
``data/studies/<key>.yaml``. Later corrections are made in the study files themselves;
re-running the script would overwrite them.

How a row became a study file
-----------------------------
* Mechanical fields come from the dossier: DOI, PMID, year, title, venue, first
  author, disease class, study focus and data type (terms only; a value the dossier
  marks as inferred was kept only where the row's reading below says so).
* For studies cited by the original review (its references 22-53), placeholder titles
  and the author lists are replaced by the review's own reference list
  (``review_outline.txt``), which numbers the references in order.
* Everything that needed judgement (methods mapped to the vocabulary, data sizes,
  task, reported effect, disease names and ORPHA codes, doubts) is written out per row
  in :data:`READINGS`, keyed by the row's position in the dossier (0-based, header
  excluded), so each decision can be checked against the dossier row.
* The key is the first author's family name (ASCII letters only), the year and the
  first significant title word. When the dossier does not know the first author, the
  key is built from the first two significant title words around the year instead
  (``twophase2022deep``) and the file says so in ``notes``.
* A row without a year, title or identifier (DOI, PMID or an https link to the
  record) cannot meet the schema and is not written; :data:`READINGS` gives the
  reason, which ``data/dossier_import.md`` lists.

Usage: ``python scripts/import_dossier.py DOSSIER.csv REVIEW_OUTLINE.txt``
"""

# ruff: noqa: C408 -- READINGS uses dict(...) so each row reads like a study record

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ADDED = dt.date(2026, 12, 3)
OUT = Path(__file__).resolve().parents[1] / "data" / "studies"

CA = "classical augmentation"
OS = "oversampling techniques"
DG = "deep generative models"
RB = "rule/model-based generation"
FT = "frameworks and tools"

# ORPHA codes recorded only where the code is certain; other names stay without one.
ORPHA = {
    "acute lymphoblastic leukaemia": 513,
    "acute myeloid leukaemia": 519,
    "acute promyelocytic leukaemia": 520,
    "multiple myeloma": 29073,
    "primary central nervous system lymphoma": 46135,
    "hepatocellular carcinoma": 88673,
    "osteosarcoma": 668,
    "niemann-pick disease type c": 646,
    "smith-magenis syndrome": 819,
    "amyotrophic lateral sclerosis": 803,
    "glioblastoma": 360,
    "ewing sarcoma": 319,
    "uveal melanoma": 39044,
    "williams syndrome": 904,
    "22q11.2 deletion syndrome": 567,
    "retinitis pigmentosa": 791,
    "stargardt disease": 827,
    "cone-rod dystrophy": 1872,
    "neuroblastoma": 635,
    "hirschsprung disease": 388,
    "medulloblastoma": 616,
    "wilms tumour": 654,
    "gastrointestinal stromal tumour": 44890,
    "myelodysplastic syndromes": 52688,
    "noonan syndrome": 648,
    "kabuki syndrome": 2322,
    "cystic fibrosis": 586,
    "idiopathic pulmonary fibrosis": 2032,
    "myasthenia gravis": 589,
    "sickle cell disease": 232,
    "duchenne muscular dystrophy": 98896,
    "kawasaki disease": 2331,
    "huntington disease": 399,
    "primary sclerosing cholangitis": 171,
    "lymphangioleiomyomatosis": 538,
    "tuberous sclerosis complex": 805,
    "tetralogy of fallot": 3303,
    "biliary atresia": 30391,
    "mantle cell lymphoma": 52416,
    "chronic lymphocytic leukaemia": 67038,
    "follicular lymphoma": 545,
}

STOP_WORDS = {
    "a", "an", "the", "of", "on", "in", "for", "to", "and", "with", "using", "by",
    "from", "towards", "toward", "via", "at", "as",
}  # fmt: skip


def m(family, techniques=(), detail=None):
    """One method: family, vocabulary techniques and the study's own wording."""
    method = {"family": family, "techniques": list(techniques)}
    if detail:
        method["detail"] = detail
    return method


def size(before=None, after=None, note=None):
    """A data size; ``before``/``after`` are (value, unit) pairs as stated."""
    out = {}
    if before:
        out["before"] = {"value": before[0], "unit": before[1]}
    if after:
        out["after"] = {"value": after[0], "unit": after[1]}
    if note:
        out["note"] = note
    return out


# Per-row readings of the dossier, keyed by 0-based row position.
# Keys: exclude (reason), m (methods), size, task, effect, notes, dis (disease names),
# modality, conf, focus, dtype, dclass, and overrides of authors/title/venue/year/
# doi/pmid/url/source.
NO_ID = "no DOI, PMID or record link in the dossier, and none found by search"
READINGS: dict[int, dict] = {
    0: dict(exclude=NO_ID + " (ref 22; citation known only)"),
    1: dict(
        authors=["Atteia, Ghada", "Alhussan, Amel A.", "Samee, Nagwan Abdel"],
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "image transformations applied to a merged (hybrid) dataset; "
                "the transforms are not listed in the abstract",
            )
        ],
        size=size(
            note="two public ALL image sets merged into one; image counts "
            "not in the abstract"
        ),
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    2: dict(
        pmid=37715495,
        venue="Microsc Res Tech 87:191-204",
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation as a preprocessing step; type not given",
            )
        ],
        size=size(
            note="ALL-IDB2 images; the number used is not in the abstract "
            "(the public ALL-IDB2 release has 260 cell images)"
        ),
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
        notes="Abstract read only as a translated summary on an aggregator site, "
        "which names the wrong journal; PMID from the dossier's venue field. "
        "Augmentation is a minor preprocessing step here.",
    ),
    3: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "'advanced' augmentation to balance benign and leukaemic classes; "
                "transforms not named",
            )
        ],
        size=size(
            note="two datasets used separately: ALL image dataset, 3256 "
            "images from 89 patients; C-NMC, 15135 images from 118 patients; "
            "augmented counts not given"
        ),
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="peripheral blood-smear microscopy",
        notes="Augmentation serves class balance only; the paper's contribution is "
        "interpretability (neuro-symbolic model with an explainer selector).",
    ),
    4: dict(
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy (B-lymphoblast cell images)",
        notes="Bibliographic record confirmed, but the abstract seen stops before "
        "methods and results, so the augmentation method is unknown (possibly "
        "classical augmentation; not verified). Disease: B-lineage ALL.",
    ),
    5: dict(
        m=[
            m(
                CA,
                ["cropping", "erasing"],
                "attention-guided cropping and erasing (weakly supervised), compared "
                "with random crop and erase",
            )
        ],
        size=size(
            note="public C-NMC dataset (phases I-III) plus an in-house "
            "hospital dataset; counts not in the abstract"
        ),
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    6: dict(
        m=[
            m(
                CA,
                ["colour jitter", "noise injection", "unspecified transformations"],
                "HSV colour transformation, saturation elimination, Gaussian noise "
                "injection and standard augmentations, also used for class balance",
            )
        ],
        size=size(note="C_NMC_2019 public dataset; count not in the abstract"),
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    7: dict(
        task=["segmentation"],
        dis=["multiple myeloma"],
        modality="bone-marrow aspirate microscopy",
        effect="best segmentation with contrast-enhanced inputs combined with the "
        "proposed 'deep-wise' augmentation",
        notes="The 'deep-wise' (deep-learning-based) augmentation is not described "
        "in the abstract, so its method family is unknown and methods are left "
        "empty. Dataset size not given.",
    ),
    8: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation to limit overtraining; transforms not named; "
                "colour-model variants compared",
            )
        ],
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    9: dict(
        m=[
            m(
                CA,
                ["elastic deformation", "cropping", "rotation"],
                "elastic deformation, random spatial cropping and random rotation "
                "(MONAI), per the authors' code README; plus transfer learning",
            )
        ],
        size=size(
            before=(56, "patients"),
            note="56 patients (30 with overall survival over 1 year, 26 under); "
            "from the authors' code README; on-the-fly augmentation, so no "
            "augmented count",
        ),
        task=["survival prediction"],
        dis=["primary central nervous system lymphoma"],
        modality="brain MRI (T1, T2, contrast-enhanced T1)",
        notes="Cohort size and exact transforms come from the public code README, "
        "not the abstract.",
    ),
    10: dict(
        m=[
            m(CA, ["unspecified transformations"], "geometric transformations"),
            m(
                DG,
                ["autoencoder"],
                "synthetic cell images from a convolutional autoencoder to balance "
                "classes",
            ),
        ],
        task=["classification"],
        dis=["acute myeloid leukaemia"],
        modality="blood-smear microscopy",
        notes="DOI not seen; identified by the DOAJ record of the article.",
    ),
    11: dict(exclude=NO_ID + " (ref 33; citation known only)"),
    12: dict(
        m=[m(CA, ["patch resampling"], "many 3D patches extracted per lesion")],
        size=size(
            before=(114, "patients"),
            note="114 patients with 117 HCCs (77 lesions for training, 40 for "
            "test); number of patches not in the abstract",
        ),
        task=["classification"],
        dis=["hepatocellular carcinoma"],
        modality="contrast-enhanced liver MRI",
        notes="Microvascular invasion is predicted before surgery as a recurrence "
        "risk factor, hence both diagnosis and prognosis.",
    ),
    13: dict(exclude=NO_ID + " (ref 35; citation known only)"),
    14: dict(exclude=NO_ID + " (ref 36; citation known only)"),
    15: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "image-level augmentation combined with a feature-level augmentation "
                "whose method the abstract does not name, to counter class imbalance",
            )
        ],
        size=size(
            before=(160, "patients"), note="129 low-grade and 31 high-grade meningiomas"
        ),
        task=["classification"],
        dis=["meningioma"],
        modality="multisequence MRI",
        effect="image- plus feature-level augmentation beat either alone and no "
        "augmentation in every cross-validation scheme",
    ),
    16: dict(exclude=NO_ID + " (ref 38; citation known only)"),
    17: dict(
        m=[
            m(
                OS,
                ["unspecified resampling"],
                "minority-class data augmentation on the training split only; "
                "method not named",
            )
        ],
        size=size(before=(81, "patients"), note="60% training, 40% test"),
        task=["classification"],
        dis=["osteosarcoma"],
        modality="CT radiomics",
    ),
    18: dict(
        m=[
            m(CA, ["noise injection"], "noise addition"),
            m(OS, ["unspecified resampling"], "oversampling"),
            m(DG, ["conditional GAN"], "conditional GAN"),
        ],
        size=size(
            before=(60, "samples"),
            note="urine samples of 13 untreated NPC1 patients and 47 "
            "heterozygous carrier controls",
        ),
        task=["classification"],
        dis=["niemann-pick disease type c"],
        modality="urinary metabolomics",
        effect="sensitivity +20-50% and F1 +6-30% with augmentation",
        notes="DOI not seen; identified by the British Library record. Patients "
        "have NPC1 disease.",
    ),
    19: dict(
        title="Data Augmentation Techniques to Improve Metabolomic Analysis in "
        "Niemann-Pick Type C Disease",
        venue="Computational Science - ICCS 2022, Part III (Springer LNCS), 78-91",
        m=[
            m(CA, ["noise injection"], "noise addition"),
            m(OS, ["unspecified resampling"], "oversampling"),
            m(DG, ["conditional GAN"], "conditional GAN"),
        ],
        size=size(
            note="urinary NMR profiles of NPC1 patients and controls; count "
            "not in the abstract"
        ),
        task=["classification"],
        dis=["niemann-pick disease type c"],
        modality="urinary NMR metabolomics",
        effect="sensitivity +30% and F1 +20% with augmentation",
        notes="Conference precursor of morenobarea2022application with the same "
        "three augmentation families. Title taken from the review's reference list.",
    ),
    20: dict(
        m=[
            m(OS, ["SMOTE"], "SMOTE"),
            m(CA, ["window slicing"], "the authors' own windowing of voice recordings"),
        ],
        task=["classification"],
        dis=["smith-magenis syndrome"],
        modality="voice recordings (cepstral peak prominence)",
        size=size(note="cohort size not in the abstract"),
    ),
    21: dict(
        m=[
            m(
                OS,
                ["SMOTE", "random oversampling", "random undersampling"],
                "about 20 over- and undersampling methods compared, including SMOTE, "
                "random oversampling, NearMiss, random undersampling and ADOMS",
            )
        ],
        size=size(
            note="19 Smith-Magenis patients and 292 controls; rebalanced "
            "sizes not given"
        ),
        task=["classification"],
        dis=["smith-magenis syndrome"],
        modality="voice recordings (cepstral peak prominence, MFCC)",
    ),
    22: dict(exclude=NO_ID + " (ref 44; citation known only)"),
    23: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "one GAN per rare disease translating normal OCT into disease-like "
                "OCT; a later follow-up study names it CycleGAN",
            )
        ],
        size=size(
            note="4 common classes with large datasets and 5 rare classes "
            "with few-shot data; counts not in the abstract"
        ),
        task=["classification"],
        dis=["rare retinal diseases"],
        modality="OCT",
        effect="training on the GAN-augmented set beat conventional deep learning, "
        "Siamese and prototypical networks on an independent test set",
    ),
    24: dict(
        m=[
            m(
                DG,
                ["StyleGAN"],
                "StyleGAN2-ADA generating FLAIR images with matching masks",
            ),
            m(
                CA,
                ["affine transformation"],
                "geometric augmentation (translation, zoom, shear)",
            ),
        ],
        size=size(
            before=(2751, "images"),
            note="2D training samples (image and mask); synthetic pairs added "
            "in 14 rounds of 1000 (up to 14,000, so about 16,751 training "
            "samples at most); validation 590, test 588",
        ),
        task=["segmentation"],
        dis=["glioma"],
        modality="FLAIR brain MRI",
        effect="Dice +0.041 (validation) and +0.036 (test) from synthetic data; "
        "marginal for the compute cost, while geometric augmentation mattered more",
    ),
    25: dict(exclude=NO_ID + " (ref 50; congress paper known only from the citation)"),
    26: dict(
        authors=["Longato, E."],
        conf="medium",
        m=[
            m(
                RB,
                ["dynamic Bayesian network"],
                "dynamic Bayesian network simulators of virtual patients; transfer "
                "learning between registries",
            )
        ],
        size=size(
            note="116 in-house patients (Milan) and 568 PARALS register "
            "patients; number of simulated subjects not given"
        ),
        task=["survival prediction"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical registry records",
        effect="3-year mortality AUROC rose from 0.633 to about 0.73 when the model "
        "was trained on data simulated by the DBN learnt on the external register",
        notes="The review's reference 51 reads 'Dynamic Bayesian Networks for Rare "
        "Disease Modeling' (Computational Methods for Biomedical Data Analysis, "
        "Springer 2023); the dossier matched it to this AIME 2023 paper by DOI. "
        "Title, venue and DOI follow the dossier; the match is not confirmed. A "
        "secondary page gives 175 and 843 patients before cleaning.",
    ),
    27: dict(exclude=NO_ID + " (ref 52; citation known only)"),
    28: dict(exclude=NO_ID + " (ref 53; citation known only)"),
    29: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation (types not named) with median-frequency class "
                "balancing and transfer learning",
            )
        ],
        size=size(
            before=(182, "images"),
            note="radiographs of 58 children: 118 healthy, 44 Ewing sarcoma, "
            "20 osteomyelitis",
        ),
        task=["classification"],
        dis=["ewing sarcoma"],
        modality="plain radiographs",
        venue="Anticancer Research 42(9):4371",
    ),
    30: dict(
        m=[m(CA, ["unspecified transformations"], "slide-level data augmentation")],
        size=size(
            before=(89, "slides"),
            note="89 whole-slide images from 82 patients, 121,388 ROIs",
        ),
        task=["classification"],
        dis=["uveal melanoma"],
        modality="fine-needle aspiration cytopathology whole-slide images",
        effect="adding slide-level augmentation and ROI feature aggregation gave a "
        "significantly better model (P=0.0031)",
    ),
    31: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "GAN-generated synthetic faces of several types used with real images",
            )
        ],
        task=["classification"],
        dis=["williams syndrome", "22q11.2 deletion syndrome"],
        modality="facial photographs",
        effect="mixing GAN-made faces into training added up to 3.25% accuracy",
    ),
    32: dict(
        m=[
            m(
                DG,
                ["StyleGAN"],
                "modified StyleGAN; Real-ESRGAN upscaling of low-quality training "
                "photos; unaffected control class; average-patient portraits",
            )
        ],
        task=["data sharing"],
        dis=["rare genetic syndromes with facial gestalt"],
        modality="facial photographs",
        venue="medRxiv preprint",
        notes="Synthetic portraits for 20 disorders of the GestaltMatcher database, "
        "judged by 63 experts; meant for education and training sets. The year is "
        "the preprint's; a peer-reviewed version is deposited as PMC11894188.",
    ),
    33: dict(
        exclude="no year: the dossier lacks it and the pages found by search "
        "(PMID 33066661) do not show it"
    ),
    34: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "established augmentation techniques",
            )
        ],
        size=size(
            before=(314, "images"),
            note="110 geographic atrophy, 204 STGD1/pseudo-Stargardt pattern "
            "dystrophy; 251 for training/validation, 63 for test",
        ),
        task=["classification"],
        dis=["stargardt disease", "pseudo-stargardt pattern dystrophy"],
        modality="fundus autofluorescence",
    ),
    35: dict(exclude="no title and no year (only a repository page without them)"),
    36: dict(
        m=[
            m(
                DG,
                ["StyleGAN"],
                "StyleGAN2 at 512x512; synthetic class rebalancing and "
                "synthetic-only training",
            )
        ],
        size=size(
            before=(15692, "images"),
            note="15,692 FAF images of 1,800 patients; real data plus 1,800 "
            "or 3,600 synthetic images, a fully rebalanced set and a "
            "synthetic-only set",
        ),
        task=["classification"],
        dis=["inherited retinal diseases"],
        modality="fundus autofluorescence",
        notes="Ophthalmologists often took the GAN images for real; the classifier "
        "gain from synthetic data is not visible in the truncated abstract.",
    ),
    37: dict(
        m=[m(DG, ["GAN"], "GAN-synthesised multiparametric MRI (synMR)")],
        size=size(
            note="BraTS training set plus 1/4, 1/2, 3/4 or all synthetic "
            "images; counts not given"
        ),
        task=["segmentation"],
        dis=["glioma"],
        modality="multiparametric brain MRI (T1, T1CE, T2, FLAIR)",
        effect="adding GAN images improved Dice and Hausdorff distance",
    ),
    38: dict(
        m=[
            m(
                RB,
                ["rule-based simulation"],
                "semi-automatic generation of synthetic GBM images with ground truth; "
                "U-Net trained only on synthetic data",
            )
        ],
        task=["segmentation"],
        dis=["glioblastoma"],
        modality="2D brain MRI",
        notes="Authors not shown on the pages read (possibly the Lindner/Egger group).",
    ),
    39: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "GAN synthesis of abnormal tumour MRI for augmentation and "
                "anonymisation",
            )
        ],
        size=size(note="two public brain MRI datasets"),
        task=["segmentation", "data sharing"],
        dis=["brain tumour"],
        modality="brain MRI",
        effect="synthetic tumour MRI improved segmentation; training on synthetic "
        "data only came close to real-data training",
    ),
    40: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "TumorGAN: synthesis of image-segmentation pairs from unpaired data, "
                "with regional perceptual and L1 losses",
            )
        ],
        size=size(note="BraTS 2017"),
        task=["segmentation"],
        dis=["glioma"],
        modality="multimodal brain MRI",
        effect="synthetic pairs improved segmentation",
    ),
    41: dict(
        m=[
            m(
                CA,
                ["patch resampling", "flip", "rotation"],
                "slicing 1388x1040 images into 224x224 tiles, then flips and rotations",
            )
        ],
        size=size(
            before=(374, "images"),
            after=(53856, "patches"),
            note="374 images sliced into 8,976 tiles; 53,856 tiles after "
            "flips and rotations",
        ),
        task=["classification"],
        dis=[
            "mantle cell lymphoma",
            "chronic lymphocytic leukaemia",
            "follicular lymphoma",
        ],
        modality="histopathology",
        effect="patch slicing gave most of the gain over training on whole images",
    ),
    42: dict(
        m=[
            m(
                RB,
                ["statistical shape model"],
                "statistical shape model and image-based PCA",
            ),
            m(DG, ["GAN"], "GAN"),
        ],
        task=["classification"],
        dis=["craniosynostosis"],
        modality="3D photogrammetric head surface scans",
        effect="training on synthetic data only (SSM and GAN) reached accuracy "
        "0.960 and F1 0.928, within 0.01 of training on clinical data",
    ),
    43: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "augmentation of 2D hemispherical projections of the segmented skull",
            )
        ],
        task=["classification"],
        dis=["sagittal craniosynostosis"],
        modality="CT",
    ),
    44: dict(
        m=[
            m(
                DG,
                ["StyleGAN"],
                "StyleGAN2-ADA; real images replaced step by step with synthetic ones",
            )
        ],
        size=size(
            note="bone-marrow smears of 1,251 AML and 51 APL patients and 236 donors"
        ),
        task=["classification"],
        dis=["acute myeloid leukaemia", "acute promyelocytic leukaemia"],
        modality="bone-marrow smear microscopy",
        venue="npj Digital Medicine 8:173",
        effect="AUROC stayed above 0.95 when synthetic images replaced real ones; "
        "synthetic data helped the rare APL class",
        notes="DOI and authors not shown on the record page read.",
    ),
    45: dict(
        m=[
            m(
                DG,
                ["WGAN", "conditional GAN"],
                "WGAN-GP with an AC-GAN discriminator synthesising minority cell types",
            )
        ],
        size=size(before=(33177, "images"), note="12 cell types from 3 sources"),
        task=["classification"],
        dis=["leukaemia"],
        modality="bone-marrow aspirate microscopy",
        effect="with synthetic minority cells classifiers reached precision 0.95 "
        "and recall 0.96",
    ),
    46: dict(
        conf="medium",
        m=[
            m(
                CA,
                ["colour jitter"],
                "colour-filtering augmentation, compared with other augmentation "
                "methods and optimisers",
            )
        ],
        size=size(note="CMR data reported as 37,421 healthy and 21,846 HCM"),
        task=["classification"],
        dis=["hypertrophic cardiomyopathy"],
        modality="cardiac MRI",
        effect="accuracy 98.53% on the augmented set",
        notes="Read on an aggregator page. Hypertrophic cardiomyopathy (about 1 in "
        "500) is above the rare-disease threshold, so inclusion depends on "
        "subtype framing.",
    ),
    47: dict(
        m=[
            m(
                DG,
                ["VAE", "GAN", "DCGAN", "conditional GAN", "diffusion model"],
                "VAE, GAN, DCGAN, ACGAN, InfoGAN and a diffusion model compared with "
                "SSIM and cross-correlation",
            )
        ],
        dis=["hypertrophic cardiomyopathy"],
        modality="cardiac MRI",
        effect="diffusion gave the best fidelity but was slowest; DCGAN and ACGAN "
        "a good trade-off; VAE images blurry",
        notes="Benchmark of generators without a downstream model, so no task is "
        "recorded. Hypertrophic cardiomyopathy is not clearly rare.",
    ),
    48: dict(
        m=[m(OS, ["unspecified resampling"], "under-sampling and over-sampling")],
        task=["classification"],
        dis=["neuroblastoma"],
        modality="histopathology",
        effect="resampling lifted accuracy above 90% (from 84%), mainly on minority "
        "classes",
    ),
    49: dict(
        m=[
            m(
                CA,
                ["patch resampling", "unspecified transformations"],
                "tiling into square patches and data-manipulation augmentation",
            )
        ],
        size=size(
            before=(108, "samples"),
            after=(19600, "images"),
            note="108 annotated histological samples; 19,600 images after "
            "augmentation and segmentation, 1,945 kept for training and "
            "validation",
        ),
        task=["segmentation"],
        dis=["hirschsprung disease"],
        modality="histology",
    ),
    50: dict(
        m=[
            m(
                CA,
                ["noise injection"],
                "Perlin-noise augmentation compared with conventional augmentation",
            )
        ],
        size=size(
            before=(106, "patients"),
            note="100 ROIs per class for 6 classes; 92 whole-lung HRCT for "
            "extra validation",
        ),
        task=["segmentation"],
        dis=["diffuse interstitial lung disease"],
        modality="HRCT",
        effect="Perlin noise beat conventional augmentation (ROI accuracy 89.5% vs "
        "82.1%)",
        notes="Diffuse interstitial lung disease is a broad group; only some "
        "patterns (IPF-type) belong to rare diseases.",
    ),
    51: dict(
        exclude="no year: the dossier lacks it and the pages found by search "
        "(PMID 36249693, authors Coyner AS et al.) do not show it"
    ),
    52: dict(
        pmid=34312463,
        m=[
            m(
                CA,
                ["flip", "colour jitter", "noise injection"],
                "random flips, colour changes and Gaussian noise with EfficientNetB4 "
                "transfer learning",
            )
        ],
        size=size(
            before=(320, "patients"),
            note="160 glioblastoma, 160 PCNSL; training images 1,894 "
            "glioblastoma and 1,245 PCNSL",
        ),
        task=["classification"],
        dis=["glioblastoma", "primary central nervous system lymphoma"],
        modality="contrast-enhanced T1 MRI",
        effect="augmented transfer-learning model reached AUC 0.94-0.95",
        notes="PMID from the dossier note, confirmed on a PubMed mirror page; "
        "first author not shown on the pages read.",
    ),
    53: dict(
        authors=[
            "Zhang, Yu",
            "Liang, Kewei",
            "He, Jiaqi",
            "Ma, He",
            "Chen, Hongyan",
            "Zheng, Fei",
            "Zhang, Lingling",
            "Wang, Xinsheng",
            "Ma, Xibo",
            "Chen, Xuzhu",
        ],
        m=[
            m(
                CA,
                ["cropping"],
                "data enhancement by varying the ratio of lesion to non-lesion pixels "
                "around the segmented lesion",
            )
        ],
        size=size(before=(261, "patients"), note="97 glioblastoma, 92 PCNSL, 72 TDL"),
        task=["segmentation", "classification"],
        dis=[
            "glioblastoma",
            "primary central nervous system lymphoma",
            "tumefactive demyelinating lesion",
        ],
        modality="brain MRI",
    ),
    54: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "seven image transformation techniques (not named in the abstract)",
            )
        ],
        size=size(note="images from ALL-IDB and the ASH Image Bank"),
        task=["classification"],
        dis=[
            "acute lymphoblastic leukaemia",
            "acute myeloid leukaemia",
            "chronic lymphocytic leukaemia",
            "chronic myeloid leukaemia",
        ],
        modality="blood-cell microscopy",
    ),
    55: dict(
        m=[
            m(
                DG,
                ["conditional GAN"],
                "conditional GAN with a U-Net generator and PatchGAN discriminator",
            )
        ],
        size=size(note="five public datasets"),
        task=["segmentation"],
        dis=["osteosarcoma"],
        notes="Reports Dice 0.92 and FID 12.7; the venue is an odd fit and the "
        "modality and data are vague, so this is low-evidence.",
    ),
    56: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation of training examples (type not named)",
            )
        ],
        size=size(
            before=(67899, "patches"),
            after=(103053, "patches"),
            note="training examples cut from 1,708 OCT B-scans of 63 eyes of "
            "38 patients; recorded as patches because each example is part "
            "of a B-scan (unit chosen at import)",
        ),
        task=["regression"],
        dis=["macular telangiectasia type 2"],
        modality="OCT with microperimetry",
    ),
    57: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation (types not named) with transfer learning",
            )
        ],
        size=size(
            before=(420, "images"),
            note="frontal photos, one per child: 127 Noonan, 163 healthy, 130 "
            "other syndromes",
        ),
        task=["classification"],
        dis=["noonan syndrome"],
        modality="facial photographs",
    ),
    58: dict(
        m=[
            m(
                CA,
                ["test-time augmentation"],
                "test-time augmentation with model ensembles",
            )
        ],
        task=["classification"],
        dis=["rare genetic syndromes with facial gestalt"],
        modality="facial photographs",
        effect="test-time augmentation plus ensembles set the state of the art for "
        "unseen disorders",
    ),
    59: dict(
        m=[m(CA, ["unspecified transformations"], "image augmentation")],
        size=size(
            note="1,414 (10x) and 1,071 (100x) augmented images in 5 classes; "
            "original count not given"
        ),
        task=["classification"],
        dis=["medulloblastoma"],
        modality="histopathology",
        notes="Reported accuracy of about 99% on a small augmented set may be "
        "optimistic.",
    ),
    60: dict(
        m=[m(OS, ["SMOTE"], "SMOTE to balance the staging classes")],
        size=size(before=(118, "patients"), note="94 training, 24 test"),
        task=["classification"],
        dis=["wilms tumour"],
        modality="CT radiomics",
    ),
    61: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "image augmentation for class balance",
            )
        ],
        size=size(
            before=(703, "patients"),
            after=(13277, "images"),
            note="703 patients; 13,277 augmented greyscale images",
        ),
        task=["classification"],
        dis=["gastrointestinal stromal tumour"],
        modality="endoscopic ultrasound",
    ),
    62: dict(
        pmid=37390377,
        venue="JCO Clinical Cancer Informatics 7:e2300021",
        m=[
            m(
                DG,
                ["conditional GAN"],
                "conditional GAN (a conditional tabular WGAN-GP per a companion ASH "
                "abstract), with an explainable fidelity and privacy validation "
                "framework and a web tool",
            )
        ],
        size=size(
            before=(7133, "patients"),
            note="7,133 MDS/AML patients; 944 MDS patients for the "
            "augmentation use case (synthetic cohort augmented by 300%, no "
            "count given); 187 luspatercept-treated patients for the trial "
            "arm",
        ),
        task=["data sharing", "trajectory simulation"],
        dis=["myelodysplastic syndromes", "acute myeloid leukaemia"],
        modality="clinical and genomic records",
        effect="a synthetic cohort built from early data anticipated a molecular "
        "classification later derived from thousands of real patients; a "
        "synthetic arm reproduced luspatercept trial endpoints",
    ),
    63: dict(
        pmid=38509224,
        venue="npj Digital Medicine 7:76",
        m=[
            m(
                DG,
                ["CTAB-GAN", "normalizing flow"],
                "CTAB-GAN+ and normalizing flows (NFlow), tuned with Optuna; privacy "
                "checked by Hamming distance",
            )
        ],
        size=size(
            before=(1606, "patients"),
            note="1,606 patients of 4 German trials; each generator made a "
            "synthetic cohort of the same size, standing in for the real one "
            "rather than adding to it",
        ),
        task=["data sharing"],
        dis=["acute myeloid leukaemia"],
        modality="trial records: demographics, laboratory, molecular and "
        "cytogenetic data, outcomes",
        effect="survival curves of the synthetic cohorts closely tracked the originals",
    ),
    64: dict(
        m=[m(OS, ["SMOTE"], "SMOTE before a hybrid data-mining classifier")],
        task=["classification"],
        dis=["beta-thalassaemia carrier state"],
        modality="complete blood count indices",
    ),
    65: dict(
        m=[
            m(
                OS,
                ["SMOTE", "ADASYN"],
                "SMOTE and ADASYN compared, each with PCA or SVD feature reduction",
            )
        ],
        task=["classification"],
        dis=["beta-thalassaemia carrier state"],
        modality="red-cell indices",
        venue="Scientific Reports 12:19999",
    ),
    66: dict(exclude="no DOI or PMID, and the only record link is http, not https"),
    67: dict(
        venue="npj Digital Medicine (2025); medRxiv preprint 2022",
        m=[
            m(
                RB,
                ["rule-based simulation"],
                "simulated rare-disease patients (HPO phenotypes and candidate genes) "
                "used to train a knowledge-graph GNN (SHEPHERD)",
            )
        ],
        size=size(
            note="real evaluation cohorts: UDN 465, MyGene2 146, DDD 1431 "
            "patients; about 40,000 simulated patients over about 2,000 "
            "diseases according to a secondary summary"
        ),
        dis=["undiagnosed rare genetic diseases"],
        notes="DOI is the 2022 medRxiv preprint's; the year is the npj Digital "
        "Medicine version's, whose DOI was not seen. Tasks (gene prioritisation, "
        "patient retrieval) have no vocabulary term.",
    ),
    68: dict(
        venue="Nature Communications 14",
        m=[
            m(
                RB,
                ["rule-based simulation"],
                "simulation pipeline generating phenotype sets and challenging "
                "candidate-gene lists; simulated dataset and code released",
            )
        ],
        dis=["undiagnosed rare genetic diseases"],
        effect="existing gene-prioritisation tools did poorly on simulated "
        "patients with novel disease genes",
        notes="Simulated patients were checked against real UDN patients. The task "
        "(benchmarking gene prioritisation) has no vocabulary term.",
    ),
    69: dict(
        m=[
            m(
                RB,
                [],
                "synthetic placebo arms drawn from register patients by an "
                "evolutionary algorithm to match trial baselines, and a model-based "
                "arm from ENCALS-predicted survival",
            )
        ],
        size=size(
            before=(308, "patients"),
            note="UK MND register; target trial groups LiCALS n=106 and PRO-ACT n=171",
        ),
        task=["trajectory simulation"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical register records",
        effect="register-derived synthetic placebo arms matched historical trial "
        "survival; the model-based arm matched only within 24-48 months",
        notes="The generation approach has no matching vocabulary technique, so "
        "only its family is recorded.",
    ),
    70: dict(
        m=[
            m(
                OS,
                ["random undersampling", "random oversampling", "SMOTE"],
                "random subsampling, random oversampling and SMOTE",
            ),
            m(DG, ["GAN", "CTGAN"], "GAN and CTGAN"),
        ],
        size=size(note="30 patients with ataxia and 100 healthy subjects"),
        task=["classification"],
        dis=["hereditary cerebellar ataxia"],
        modality="wearable-sensor gait features (lumbar IMU)",
        effect="CTGAN beat classic balancing and kept explanations consistent with "
        "known ataxic gait features",
    ),
    71: dict(
        m=[
            m(
                DG,
                [],
                "deep generative tabular synthesisers (models not named in "
                "the abstract) to augment the minority class",
            )
        ],
        task=["classification"],
        dis=["cystic fibrosis"],
        modality="electronic health records",
        effect="augmenting the minority class with synthetic records improved "
        "outcome prediction",
    ),
    72: dict(
        m=[
            m(DG, ["conditional GAN", "WGAN"], "conditional GAN and Wasserstein GAN"),
            m(CA, ["noise injection"], "noise injection"),
        ],
        task=["classification"],
        dis=["rare cancers"],
        notes="Dataset and exact data type not named in the abstract (appears "
        "tabular); low-profile venue.",
    ),
    73: dict(
        exclude="no year: not shown on the journal page, so the review window "
        "cannot be checked"
    ),
    74: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "semi-supervised GAN boosting the rare class in an "
                "RNN/LSTM patient-sequence model",
            )
        ],
        size=size(
            note="1.8 million patients including 29,149 EPI patients (7 "
            "years of claims)"
        ),
        task=["classification"],
        dis=["exocrine pancreatic insufficiency"],
        modality="longitudinal insurance claims",
        notes="Year is the arXiv version's; the chapter's year was not verified.",
    ),
    75: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "complementary GAN generating candidate positives and "
                "negatives from patients with uncertain diagnoses",
            )
        ],
        task=["classification"],
        dis=["idiopathic pulmonary fibrosis"],
        modality="claims and EHR sequences",
        effect="IPF PR-AUC 0.22, 41.3% above the best baseline",
    ),
    76: dict(
        m=[m(OS, ["SMOTE"], "SMOTE with four machine-learning models")],
        size=size(before=(761, "records"), note="4 Chinese neonatal units"),
        task=["classification"],
        dis=["bronchopulmonary dysplasia-associated pulmonary hypertension"],
        modality="clinical records",
        notes="Whether BPD-associated pulmonary hypertension counts as a rare "
        "disease is debatable.",
    ),
    77: dict(
        m=[
            m(
                RB,
                ["rule-based simulation"],
                "hierarchical rule-based generation parameterised with public "
                "statistics (US Census, CDC, literature)",
            ),
            m(
                FT,
                ["synthetic data platform", "open synthetic dataset"],
                "SynthMD Python tool (Faker); released synthetic datasets",
            ),
        ],
        task=["data sharing"],
        dis=["sickle cell disease", "cystic fibrosis", "duchenne muscular dystrophy"],
        modality="synthetic patient records",
        notes="No real patient data used as input; the aim is software development "
        "and data sharing, so no study focus fits.",
    ),
    78: dict(
        pmid=38504285,
        venue="BMC Medical Informatics and Decision Making 24:80",
        m=[
            m(
                OS,
                ["unspecified resampling"],
                "ensemble with imbalance-learning resampling (samplers not named)",
            )
        ],
        task=["survival prediction"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical records at diagnosis",
        notes="The exact resampling method needs the full text.",
    ),
    79: dict(
        m=[
            m(
                OS,
                ["unspecified resampling"],
                "minority oversampling with majority undersampling",
            )
        ],
        size=size(
            before=(1346, "patients"),
            note="registry participants; 85 excluded for incomplete outcome",
        ),
        task=["classification"],
        dis=["myasthenia gravis"],
        modality="patient-reported registry data",
        notes="Conference poster abstract, not a full paper.",
    ),
    80: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "adversarial transformation of healthy speech into dysarthric speech",
            )
        ],
        task=["classification"],
        dis=["dysarthria"],
        modality="speech recordings",
        effect="balancing classes with simulated dysarthric speech added about 10% "
        "accuracy",
        notes="The link to ALS comes only from a secondary summary; the disease fit "
        "needs checking in the full text.",
    ),
    81: dict(
        m=[
            m(
                RB,
                ["dynamic Bayesian network"],
                "dynamic Bayesian network simulating virtual ALS cohort trajectories, "
                "stratified by risk factors",
            )
        ],
        size=size(note="more than 4,500 PRO-ACT patients"),
        task=["trajectory simulation", "survival prediction"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical trial records",
    ),
    82: dict(
        m=[
            m(
                RB,
                ["dynamic Bayesian network"],
                "dynamic Bayesian networks simulating patient trajectories and "
                "in-silico cohorts",
            )
        ],
        size=size(before=(3940, "patients"), note="4 Italian and 2 Israeli registers"),
        task=["trajectory simulation", "survival prediction"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical register records",
    ),
    83: dict(
        pmid=35855803,
        m=[m(OS, ["SMOTE-Tomek"], "SMOTE with Tomek links (hybrid sampling)")],
        size=size(
            before=(65, "patients"),
            note="count from the paper's clinical-characteristics table",
        ),
        task=["survival prediction"],
        dis=["osteosarcoma"],
        modality="four sequencing data types",
    ),
    84: dict(
        m=[m(OS, ["ADASYN"], "ADASYN")],
        size=size(
            note="SEER osteosarcoma patients diagnosed 2004-2015; count not "
            "in the abstract"
        ),
        task=["classification"],
        dis=["osteosarcoma"],
        modality="SEER registry data",
        notes="Year is the online-first year; the issue is 2023.",
    ),
    85: dict(exclude="no year, authors, venue or DOI (abstract page only)"),
    86: dict(
        m=[m(OS, ["cluster-based undersampling"], "clustering-based undersampling")],
        size=size(
            before=(74641, "records"),
            note="CGMH records 2010-2019, plus an external validation set from KMUH",
        ),
        task=["classification"],
        dis=["kawasaki disease"],
        modality="blood and urine tests",
        notes="The synthetic data augmentation step names no generator in the "
        "abstract, so its method family is left out until confirmed.",
    ),
    87: dict(
        size=size(before=(3958, "patients"), note="31 with GSD Ia"),
        task=["classification"],
        dis=["glycogen storage disease type ia"],
        modality="plasma acylcarnitine profiles",
        notes="Synthetic minority samples are used, but the abstract does not name "
        "the method (likely SMOTE-type), so methods are left empty.",
    ),
    88: dict(
        pmid=38370125,
        venue="Patterns 5(2):100910",
        m=[
            m(
                DG,
                ["GAN"],
                "ensemble of GANs drawing on large population expression data",
            )
        ],
        size=size(note="benchmark cohorts of n = 10 samples"),
        modality="gene expression",
        notes="Framed for rare diseases, but the abstract names none. Task "
        "(differential expression) has no vocabulary term.",
    ),
    89: dict(
        m=[m(OS, ["SMOTE"], "SMOTE")],
        task=["classification"],
        dis=["amyotrophic lateral sclerosis"],
        modality="blood transcriptome microarray",
        effect="kNN accuracy 77.5% to 82% and SVM 91.3% to 93% with SMOTE",
        notes="Publication month not seen, so the review window is unverified.",
    ),
    90: dict(
        m=[
            m(
                RB,
                ["multivariate distribution sampling", "Bayesian network"],
                "virtual patients from multivariate normal distributions, Bayesian "
                "networks, neural networks and tree ensembles (best)",
            )
        ],
        task=["classification"],
        dis=["primary sjögren syndrome", "hypertrophic cardiomyopathy"],
        modality="clinical records",
        effect="XGBoost on real plus virtual data: accuracy +10.9% (Sjögren "
        "lymphoma) and +16.1% (HCM risk)",
    ),
    91: dict(
        authors=["D'Amico"],
        m=[
            m(
                DG,
                ["conditional GAN", "VAE", "language model", "diffusion model"],
                "conditional GAN, VAE, Tabular-GPT and a fine-tuned LLM for records; "
                "Stable Diffusion for bone-marrow images",
            ),
            m(
                FT,
                ["synthetic data platform"],
                "Synthetic Validation Framework and the JUNO generation platform",
            ),
        ],
        task=["classification", "survival prediction", "data sharing"],
        dis=["myelodysplastic syndromes", "acute myeloid leukaemia"],
        modality="clinical, genomic, transcriptomic and morphology data",
        effect="models trained on synthetic or hybrid data matched or improved "
        "classification and prognosis; reported fidelity 87-96%",
        notes="Conference abstract seen only as a project-page summary; the link is "
        "that project's publication list. A 2025 abstract with the same title is "
        "outside the window.",
    ),
    92: dict(
        m=[
            m(
                RB,
                ["digital twin"],
                "AI-generated digital twins (prognostic scores of the untreated "
                "course) used in covariate-adjusted mixed models (PROCOVA-MMRM)",
            )
        ],
        task=["trajectory simulation"],
        dis=["amyotrophic lateral sclerosis"],
        modality="clinical trial records (PRO-ACT)",
        effect="digital-twin adjustment raised power and precision, implying "
        "smaller required sample sizes",
        notes="A second case study concerns Alzheimer's disease, which is not rare.",
    ),
    93: dict(
        m=[
            m(
                RB,
                ["mixed-effects model"],
                "nonlinear mixed-effects model of the NSAA linked to a "
                "loss-of-ambulation model, used for trial simulation",
            )
        ],
        size=size(
            note="phase 2 trial participants and CINRG natural-history "
            "boys; counts not in the abstract"
        ),
        task=["trajectory simulation"],
        dis=["duchenne muscular dystrophy"],
        modality="clinical trial and natural-history records",
        notes="DOI not seen; abstract read on an aggregator.",
    ),
    94: dict(
        m=[
            m(
                RB,
                ["subsampling simulation"],
                "sparse nanopore methylation runs simulated by random CpG subsampling "
                "of reference array profiles, in a curriculum of rising sparsity",
            )
        ],
        size=size(
            before=(2801, "samples"),
            note="labelled reference methylation profiles, per a secondary summary",
        ),
        task=["classification"],
        dis=["central nervous system tumours"],
        modality="DNA methylation (array and nanopore)",
        notes="The whole training set is simulated; simulation details come from "
        "secondary summaries of the paper.",
    ),
    95: dict(
        m=[m(OS, ["ADASYN"], "ADASYN with chi-squared feature selection")],
        size=size(note="22,283 gene features; sample count not in the abstract"),
        task=["classification"],
        dis=["leukaemia"],
        modality="gene expression microarray",
        notes="Reported 100% accuracy on a small high-dimensional set suggests "
        "optimism.",
    ),
    96: dict(
        m=[
            m(
                DG,
                ["conditional GAN"],
                "conditional GAN with reconstruction networks "
                "generating class-conditional movement trajectories",
            )
        ],
        task=["classification"],
        dis=["cerebellar ataxia"],
        modality="visuomotor-adaptation hand trajectories",
        effect="accuracy higher with real plus synthetic than with real data only",
    ),
    97: dict(
        m=[
            m(
                DG,
                ["conditional GAN", "WGAN"],
                "conditional Wasserstein GAN with weight clipping",
            )
        ],
        dis=["amyotrophic lateral sclerosis"],
        modality="EEG",
        size=size(note="private EEG dataset; size not in the abstract"),
        notes="No downstream classifier gain is reported in the abstract, so no "
        "task is recorded.",
    ),
    98: dict(
        conf="low",
        m=[
            m(
                CA,
                ["window slicing"],
                "5-minute gait force recordings cut into 10-second segments",
            )
        ],
        size=size(
            note="13 ALS, 20 Huntington, 15 Parkinson and 16 healthy "
            "subjects; 1066 ALS, 1640 HD, 1230 PD and 1312 control "
            "recurrence plots"
        ),
        task=["classification"],
        dis=["amyotrophic lateral sclerosis", "huntington disease"],
        modality="vertical ground reaction force gait recordings",
        notes="The authors do not call the segmentation augmentation, so inclusion "
        "is borderline. Parkinson disease is also studied.",
    ),
    99: dict(
        m=[
            m(
                DG,
                [],
                "generative-AI facial images made from public photos, checked "
                "with an external classifier",
            )
        ],
        dis=["kabuki syndrome", "noonan syndrome"],
        modality="facial photographs",
        effect="synthetic images helped residents recognise the conditions about "
        "as much as, or slightly less than, real photos",
        notes="Synthetic faces used to teach clinicians, not to train models; "
        "the generator type is not named.",
    ),
    100: dict(
        m=[
            m(
                DG,
                ["GAN"],
                "GAN style-mixing across conditions and morphing across disease stages",
            )
        ],
        size=size(note="about 100 images per condition, 6 conditions"),
        task=["classification"],
        dis=["genetic conditions with skin findings"],
        modality="clinical photographs",
        notes="Distinct from duong2022neural; the GAN part appears only in this "
        "preprint.",
    ),
    101: dict(
        conf="medium",
        m=[
            m(
                DG,
                ["progressive GAN", "image-to-image translation"],
                "PGGAN noise-to-image, then MUNIT and SimGAN image-to-image "
                "refinement; implausible images discarded",
            ),
            m(CA, ["unspecified transformations"], "classic augmentation"),
        ],
        task=["classification"],
        dis=["brain tumour"],
        modality="contrast-enhanced brain MRI",
        effect="sensitivity rose from 93.67% to 97.48% with two-step GAN plus "
        "classic augmentation",
        notes="Tumour type not given in the abstract, so rarity is uncertain.",
    ),
    102: dict(
        m=[m(DG, ["GAN"], "coarse-to-fine GAN generator learning augmentations")],
        task=["segmentation"],
        dis=["glioma"],
        modality="multimodal brain MRI (BRATS15)",
        effect="+3.5% Dice over traditional augmentation",
    ),
    103: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation strategies (not itemised)",
            )
        ],
        task=["classification"],
        dis=["osteosarcoma"],
        modality="H&E histopathology tiles",
    ),
    104: dict(
        m=[m(CA, ["unspecified transformations"], "advanced image augmentation")],
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    105: dict(
        authors=[
            "Kassani, Sara Hosseinzadeh",
            "Kassani, Peyman Hosseinzadeh",
            "Wesolowski, Michal J.",
            "Schneider, Kevin A.",
            "Deters, Ralph",
        ],
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "several data augmentation techniques (not itemised)",
            )
        ],
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
        notes="Different study and first author from kasani2020aggregatedbased; "
        "venue and DOI not verified.",
    ),
    106: dict(
        m=[
            m(
                CA,
                [
                    "flip",
                    "rotation",
                    "blur",
                    "affine transformation",
                    "noise injection",
                ],
                "mirroring, rotation, blurring, shearing and salt-and-pepper noise, "
                "used to balance training and validation classes",
            )
        ],
        task=["classification"],
        dis=["acute lymphoblastic leukaemia"],
        modality="blood-smear microscopy",
    ),
    107: dict(
        m=[m(CA, ["unspecified transformations"], "data augmentation (not itemised)")],
        task=["classification"],
        dis=["sickle cell disease"],
        modality="red-blood-cell microscopy",
    ),
    108: dict(
        m=[
            m(
                CA,
                ["external data expansion"],
                "ultrasound images re-photographed with smartphones to expand the "
                "training set",
            )
        ],
        size=size(
            before=(3659, "images"),
            after=(51226, "images"),
            note="original sonographic gallbladder images; derived smartphone "
            "photos used for training",
        ),
        task=["classification"],
        dis=["biliary atresia"],
        modality="gallbladder ultrasound",
        effect="external AUC 0.924 vs 0.908 for the earlier model trained on "
        "11,410 photos",
    ),
    109: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation with a weighted loss for class imbalance",
            )
        ],
        size=size(before=(436, "images"), note="436 training and 93 test images"),
        task=["classification"],
        dis=["autoimmune bullous diseases"],
        modality="direct immunofluorescence images",
        venue="British Journal of Dermatology (2024)",
    ),
    110: dict(
        conf="low",
        m=[m(DG, ["GAN"], "four GAN-based synthesis strategies for small classes")],
        size=size(
            note="540 healthy, 47 conspicuously non-pathological and 106 "
            "conspicuously pathological vertebrae"
        ),
        task=["classification"],
        modality="2D spine MRI",
        effect="adding synthetic annotated images improved vertebra "
        "classification; one method works with fewer than 50 images",
        notes="Aimed at rare-disease-sized data, but no rare disease is named, so "
        "eligibility needs the full text.",
    ),
    111: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "image processing and data augmentation (transforms not listed)",
            )
        ],
        task=["classification"],
        dis=["acral melanoma"],
        modality="dermoscopy",
    ),
    112: dict(
        m=[m(DG, ["GAN"], "GAN synthesising CMR images with matching chamber masks")],
        size=size(
            before=(64, "patients"),
            note="number of synthetic images not in the abstract",
        ),
        task=["segmentation"],
        dis=["complex congenital heart disease"],
        modality="paediatric cardiac MRI",
    ),
    113: dict(
        m=[m(DG, ["progressive GAN"], "progressive GAN (PG-GAN)")],
        size=size(
            before=(303, "patients"),
            after=(100000, "images"),
            note="CMR frames of 303 patients trained the GAN; 100,000 "
            "synthetic 256x256 frames; real-data comparator trained on 42 "
            "patients",
        ),
        task=["segmentation"],
        dis=["tetralogy of fallot"],
        modality="cardiac MRI",
        effect="segmentation trained on synthetic frames only came within 1% "
        "(absolute) of real-data training",
    ),
    114: dict(
        m=[
            m(
                DG,
                ["image-to-image translation"],
                "GAN translation of healthy into fat-infiltrated MR images (texture "
                "augmentation)",
            ),
            m(CA, ["unspecified transformations"], "shape augmentation"),
        ],
        size=size(
            before=(41, "patients"), note="20 with fatty infiltration, 21 healthy"
        ),
        task=["segmentation"],
        dis=["neuromuscular diseases with fatty muscle infiltration"],
        modality="T1-weighted thigh MRI",
        effect="Dice 0.84 to 0.88 with mixed training data, 0.59 to 0.87 when "
        "training on healthy scans only",
    ),
    115: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "single and composite image transformations",
            )
        ],
        size=size(note="BraTS-PEDs 2023 training set; count not given"),
        task=["segmentation"],
        dis=["paediatric high-grade glioma"],
        modality="multi-sequence brain MRI",
        effect="augmentation credited with robustness across scan protocols",
    ),
    116: dict(
        m=[
            m(
                FT,
                ["benchmark challenge"],
                "public benchmark of unsupervised ceT1-to-hrT2 domain adaptation",
            )
        ],
        size=size(
            note="105 annotated ceT1 and 105 unannotated hrT2 training "
            "scans; 137 test scans"
        ),
        task=["segmentation", "domain adaptation"],
        dis=["vestibular schwannoma"],
        modality="brain MRI (ceT1, hrT2)",
        notes="Relevance rests on entrants' image-translation methods, not "
        "detailed in the abstract; rarity of vestibular schwannoma is borderline.",
    ),
    117: dict(
        m=[
            m(
                DG,
                ["image-to-image translation"],
                "generator translating ceT1 into T2 images",
            ),
            m(
                CA,
                ["unspecified transformations"],
                "online geometric and appearance augmentation",
            ),
        ],
        task=["segmentation", "domain adaptation"],
        dis=["vestibular schwannoma"],
        modality="brain MRI (ceT1, T2)",
    ),
    118: dict(
        m=[m(DG, ["pix2pix"], "pix2pix conditional GAN with FID-based selection")],
        size=size(note="1,778 eyes of 923 patients"),
        task=["classification"],
        dis=["keratoconus"],
        modality="Scheimpflug colour-coded corneal tomography maps",
        effect="real plus synthesised maps beat real-only and classically "
        "augmented training",
    ),
    119: dict(
        m=[m(DG, ["VAE"], "variational autoencoder image generation")],
        size=size(
            before=(1758, "images"),
            after=(4000, "images"),
            note="978 normal and 780 keratoconus images from 1,010 subjects",
        ),
        task=["classification"],
        dis=["keratoconus"],
        modality="corneal topography",
        venue="Scientific Reports 13",
        effect="VAE-synthesised maps improved classification (VGG16 AUC 0.99)",
        notes="Only a library catalogue record was seen, so DOI and authors are "
        "missing.",
    ),
    120: dict(
        m=[
            m(
                CA,
                ["rotation", "unspecified transformations"],
                "20 axial rotations per 3D-MRCP rendered as maximum intensity "
                "projections, plus extensive image augmentation",
            )
        ],
        size=size(
            before=(386, "patients"),
            after=(7720, "images"),
            note="386 training patients of 428 (205 PSC, 223 non-PSC)",
        ),
        task=["classification"],
        dis=["primary sclerosing cholangitis"],
        modality="3D MR cholangiopancreatography",
        effect="rotation projections with ensembling cut mean absolute error from "
        "21% to 7.1%",
        notes="Author names seen only unordered (Ringe, Vo Chieu, Wacker, Lenzen, "
        "Manns, Hundt, Schmidt, Winther), so the first author is unknown.",
    ),
    121: dict(
        m=[
            m(
                CA,
                ["external data expansion"],
                "images mined from online platforms, public datasets and e-textbooks",
            )
        ],
        size=size(before=(435, "images"), after=(7050, "images")),
        task=["classification"],
        dis=["eosinophilic oesophagitis"],
        modality="endoscopy images",
        effect="better accuracy and robustness reported",
        notes="Enrichment with external real images rather than transforms or "
        "synthesis, so the method family is a loose fit.",
    ),
    122: dict(
        m=[m(DG, ["image-to-image translation"], "GAN-based CT-to-MRI synthesis")],
        task=["segmentation"],
        dis=["lymphangioleiomyomatosis"],
        modality="low-field lung MRI and CT",
    ),
    123: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation listed in the supplementary methods",
            )
        ],
        size=size(note="114 TSC patients and 114 controls (T2 and FLAIR axial slices)"),
        task=["classification"],
        dis=["tuberous sclerosis complex"],
        modality="brain MRI",
        notes="Augmentation evidence comes from the supplementary methods, not the "
        "abstract.",
    ),
    124: dict(
        m=[
            m(
                CA,
                ["unspecified transformations"],
                "data augmentation with batch normalisation and dropout against "
                "overfitting",
            )
        ],
        size=size(
            before=(206, "patients"), note="134 training, 30 validation, 42 test"
        ),
        task=["classification"],
        dis=["cardiac amyloidosis"],
        modality="late gadolinium enhancement cardiac MRI",
        notes="Augmentation is stated in the group's companion ESC 2020 abstract, "
        "not this paper's abstract.",
    ),
    125: dict(
        m=[m(CA, ["mixup"], "MixUp, CutMix and ResizeMix with transfer learning")],
        task=["classification"],
        dis=["rare skin diseases"],
        modality="clinical and dermoscopic images",
        effect="batch-level mixing with transfer learning gave state-of-the-art "
        "results on SD-198 and Derm7pt",
        notes="Rarity is defined by long-tail classes, not named diseases. A later "
        "IEEE JBHI version exists.",
    ),
    126: dict(
        m=[
            m(
                DG,
                ["pix2pix"],
                "Pix2Pix-based DermGAN controlling lesion size, "
                "location and skin colour",
            )
        ],
        task=["classification"],
        dis=["rare malignant skin conditions"],
        modality="clinical skin photographs",
        effect="overall accuracy unchanged; gains on rare malignant classes",
        notes="Include only if long-tail classes count as rare disease.",
    ),
    127: dict(
        m=[
            m(
                CA,
                ["frequency-domain transformation"],
                "discrete cosine and wavelet transform augmentation, combined with "
                "intensity, elastic and mixing baselines",
            )
        ],
        task=["segmentation"],
        dis=["cystic fibrosis"],
        modality="chest CT",
        effect="relative minor-class segmentation gain of 44.1% over a replication "
        "baseline",
    ),
    128: dict(
        m=[
            m(
                DG,
                ["DCGAN"],
                "DCGAN on 2D distance maps of 3D head scans, balancing classes",
            )
        ],
        size=size(note="scarcity simulated with 15% and 10% of the training data"),
        task=["classification"],
        dis=["craniosynostosis"],
        modality="3D photogrammetric head scans (2D distance maps)",
        effect="at 15% of training data F1 +0.1 and accuracy +3%; no gain at 10%",
        notes="Same research line as schaufelberger2023impact; authors and DOI not "
        "shown on the pages read.",
    ),
}


def review_references(outline: Path) -> dict[int, str]:
    """Number the review's reference list (``- `` lines after 'References')."""
    numbered, inside = {}, False
    for line in outline.read_text(encoding="utf-8").splitlines():
        if line.strip() == "References":
            inside = True
        elif inside and line.startswith("- "):
            numbered[len(numbered) + 1] = line[2:]
        elif inside and numbered and not line.strip():
            break
    return numbered


AUTHOR = r"[^,;]+, (?:-?[A-Z][a-z]?\.)+"


def _split_reference(reference: str) -> tuple[list[str], str]:
    """Split 'Family, I.; Family, I. Title. Venue...' into authors and the rest."""
    authors = []
    parts = reference.split("; ")
    for index, part in enumerate(parts):
        if re.fullmatch(AUTHOR, part):
            authors.append(part)
            continue
        last = re.match(rf"(et al\.|{AUTHOR}) (.*)", part)
        if last.group(1) != "et al.":
            authors.append(last.group(1))
        return authors, "; ".join([last.group(2), *parts[index + 1 :]])
    raise ValueError(f"no title found in reference {reference!r}")


def reference_authors(reference: str) -> list[str]:
    """Authors of a reference, as 'Family, I.' strings."""
    return _split_reference(reference)[0]


def reference_title(reference: str) -> str:
    """Title of a reference: the sentence after the authors."""
    rest = _split_reference(reference)[1]
    return re.match(r"(.+?[^A-Z])\. ", rest).group(1)


def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text`` (accents folded)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def significant_words(title: str) -> list[str]:
    words = [ascii_letters(w) for w in re.split(r"[\s:;,.()]+", title)]
    return [w for w in words if w and w not in STOP_WORDS]


def study_key(first_author: str | None, year: int, title: str) -> tuple[str, bool]:
    """Key from author, year and title; second value tells if the author was known."""
    words = significant_words(title)
    if first_author:
        family = first_author.split(",")[0]
        return f"{ascii_letters(family)}{year}{words[0]}", True
    lettered = [w for w in words if not w.isdigit()]
    return f"{lettered[0]}{year}{lettered[1]}", False


def terms(cell: str) -> list[str]:
    """Vocabulary terms of a dossier cell: 'a;b (x)' -> ['a', 'b']."""
    out = []
    for part in cell.split(";"):
        term = re.split(r"[(+]", part)[0].strip()
        if term and term != "unknown" and term not in out:
            out.append(term)
    return out


def https_links(cell: str) -> list[str]:
    """The https links of a dossier source cell; http PubMed links made https."""
    links = []
    for url in cell.split():
        pubmed = re.match(
            r"http://www\.(?:pubmed\.gov|ncbi\.nlm\.nih\.gov/pubmed)/"
            r"(\d+)",
            url,
        )
        if pubmed:
            url = f"https://pubmed.ncbi.nlm.nih.gov/{pubmed.group(1)}/"
        if url.startswith("https://"):
            links.append(url)
    return links


def clean_title(title: str) -> str:
    return re.sub(r"\s*\[not verified\]\s*", "", title).strip()


def build(row: dict, position: int, refs: dict[int, str]) -> dict | None:
    """Turn one dossier row and its reading into a study document (or None)."""
    reading = READINGS[position]
    if "exclude" in reading:
        return None
    cited = re.search(r"reference (\d+)", row["origin"])
    reference = refs[int(cited.group(1))] if cited else None

    title = reading.get("title") or clean_title(row["title"])
    authors = reading.get("authors")
    if authors is None and reference:
        authors = reference_authors(reference)
    if authors is None:
        authors = [row["first_author"]] if row["first_author"] else []
    year = reading.get("year") or int(row["year"])
    key, author_known = study_key(authors[0] if authors else None, year, title)

    doc: dict = {"key": key, "title": title}
    if authors:
        doc["authors"] = authors
    doc["year"] = year
    venue = reading.get("venue") or row["venue"]
    if venue:
        doc["venue"] = venue
    if row["doi"]:
        doc["doi"] = row["doi"]
    pmid = reading.get("pmid") or (int(row["pmid"]) if row["pmid"] else None)
    if pmid:
        doc["pmid"] = pmid
    links = https_links(row["source_url"])
    if not row["doi"] and not pmid:
        doc["url"] = links[0]

    focus = reading.get("focus", terms(row["focus"]))
    if focus:
        doc["study_focus"] = focus
    diseases = [
        {"name": n, **({"orpha": ORPHA[n]} if n in ORPHA else {})}
        for n in reading.get("dis", [])
    ]
    if diseases:
        doc["diseases"] = diseases
    doc["disease_class"] = reading.get("dclass", terms(row["disease_category"]))
    data_type = reading.get("dtype", terms(row["data_type"]))
    if data_type:
        doc["data_type"] = data_type
    if reading.get("modality"):
        doc["data_modality"] = reading["modality"]
    if reading.get("size"):
        doc["data_size"] = reading["size"]
    if reading.get("m"):
        doc["methods"] = reading["m"]
    if reading.get("task"):
        doc["task"] = reading["task"]
    if reading.get("effect"):
        doc["effect"] = reading["effect"]

    provenance: dict = {"origin": "original review" if cited else "living update"}
    if cited:
        provenance["review_reference"] = int(cited.group(1))
    provenance["added"] = ADDED
    if links:
        provenance["source"] = links[0]
    provenance["extraction"] = reading.get("extraction", "abstract")
    provenance["confidence"] = reading.get("conf", row["confidence"])
    doc["provenance"] = provenance

    notes = reading.get("notes", "")
    if not author_known:
        notes = (
            "First author not known, so the key is built from title words. " + notes
        ).strip()
    if notes:
        doc["notes"] = notes
    return doc


class _StudyDumper(yaml.SafeDumper):
    """Block style with indented list items; lists of plain strings inline."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_list(dumper, data):
    flow = all(isinstance(x, str) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_StudyDumper.add_representer(list, _represent_list)


def main(dossier: Path, outline: Path) -> int:
    refs = review_references(outline)
    with dossier.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    written, left_out = 0, []
    for position, row in enumerate(rows):
        doc = build(row, position, refs)
        if doc is None:
            left_out.append((position, READINGS[position]["exclude"]))
            continue
        text = yaml.dump(
            doc, Dumper=_StudyDumper, sort_keys=False, allow_unicode=True, width=10_000
        )
        (OUT / f"{doc['key']}.yaml").write_text(text, encoding="utf-8")
        written += 1
    sys.stdout.write(f"wrote {written} study files; left out {len(left_out)} rows\n")
    for position, reason in left_out:
        sys.stdout.write(f"  row {position}: {reason}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
